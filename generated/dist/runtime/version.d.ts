/**
 * The package this runtime ships in, for the User-Agent header. The generator writes the generated
 * package's name and version into the shipped copy of this file; run from source, the version says so.
 */
export declare const PACKAGE_NAME: string;
export declare const PACKAGE_VERSION: string;
