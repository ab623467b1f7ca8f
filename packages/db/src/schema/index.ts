export * from './auth';
export * from './clients';
export * from './documents';
export * from './mail';
export * from './portal';
export * from './stripe';
export * from './tenants';
export * from './tickets';
