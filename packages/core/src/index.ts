export * from './addresses';
export * from './languages';
export * from './messages';
export * from './money';
export * from './recurring';
export * from './reference';
export * from './reminders';
export * from './status';
