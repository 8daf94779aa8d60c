// Placeholder: the LSP wiring lands with the language server work.
export {};
