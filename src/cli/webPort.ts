// `chainrule web`'s default port, named in `--help` without loading the server's module.
export const DEFAULT_PORT = 8080;
