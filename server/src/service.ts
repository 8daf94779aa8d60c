// The checking service behind the LSP wiring: everything server.ts needs once a document is open. Its own bundle
// (dist/server-service.js), required on first use, so that answering initialize compiles and runs only the protocol
// (bench: spawn -> initialize).
export { Validator } from './features/validation';
export { codeActions } from './features/codeActions';
export { SchemaFeatures, wantsSchema } from './features/schema';
export { fileUri } from './features/diagnostics';
export { sameOptions } from './settings';
export { overlayFiles } from '../../core/files';
export { toCheckOptions } from '../../core/settings';
