// Placeholder: the CLI lands with the check command.
export {};
