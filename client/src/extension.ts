// Placeholder: the language client lands with the client work.
export function activate(): void {}
export function deactivate(): void {}
