declare module 'fs' {
  export interface ReadStream {}
}
