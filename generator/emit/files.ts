/** What every emitter returns: a file of the generated package, path relative to the package root with `/` separators. */
export interface EmittedFile {
  path: string;
  contents: string;
}
