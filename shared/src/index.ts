export * from './protocol.js';
export * from './errors.js';
export * from './uuidv7.js';
export * from './types.js';
export * from './collectors.js';
export * from './collector-statuses.js';
export * from './codec/frame-codec.js';
export * from './sql/normalize.js';
