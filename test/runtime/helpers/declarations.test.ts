import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The package ships each runtime file transpiled on its own, declarations included: these must need no type checker.
const helpers: Record<string, string[]> = {
  'aead.ts': ['AEAD_AES_256_GCM', 'aesGcmDecrypt', 'aesGcmEncrypt', 'AeadEnvelope', 'AeadPlaintext'],
  'oaep.ts': ['oaepEncrypt', 'oaepDecrypt'],
  'notification.ts': ['verifyNotification', 'NotificationRequest', 'NotificationKeys', 'VerifiedNotification'],
  'certificates.ts': ['decodeCertificates', 'CertificatesResponse', 'PlatformCertificate', 'PlatformCertificates'],
};

describe('crypto helpers transpile in isolation', () => {
  it.each(Object.entries(helpers))('%s has file-local declarations exporting its API', (file, exports) => {
    const fileName = fileURLToPath(new URL(`../../../templates/runtime/${file}`, import.meta.url));
    const source = readFileSync(fileName, 'utf8');
    const result = ts.transpileDeclaration(source, {
      fileName,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, declaration: true, isolatedDeclarations: true },
    });
    expect(result.diagnostics?.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
    for (const name of exports) expect(result.outputText).toMatch(new RegExp(`export (declare )?(function|const|interface|type) ${name}\\b`));
    // Runtime files import each other by their emitted names.
    expect(source).not.toMatch(/from '\.\/[^']+\.ts'/);
  });
});
