export * from './languages';
export * from './money';
export * from './reference';
export * from './status';
