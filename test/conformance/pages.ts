/** One documented declaration block: the `// @filename: virtual.ts` part of a twoslash code fence. */
export interface DocumentedBlock {
  /** 1-based position of the block among the page's twoslash blocks. */
  index: number;
  /** 1-based page line of the block's first line (the one after `// @filename: virtual.ts`). */
  line: number;
  text: string;
}

const FENCE_OPEN = /^\s*```(?:ts|js)\s+twoslash\b/;
const FENCE_CLOSE = /^\s*```\s*$/;
const FILENAME = /^\s*\/\/\s*@filename:\s*(\S+)/;

/**
 * Extracts every ```ts / ```js twoslash fence's `virtual.ts` part, up to the next `// @filename:`
 * line or the end of the fence. A fence without a `virtual.ts` part still counts for `index`, so
 * indexes name fences as a reader counts them on the page.
 */
export function extractDocumentedBlocks(markdown: string): DocumentedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: DocumentedBlock[] = [];
  let fenceIndex = 0;
  let inFence = false;
  let current: { line: number; lines: string[] } | undefined;
  const finish = (): void => {
    if (current) blocks.push({ index: fenceIndex, line: current.line, text: current.lines.join('\n') });
    current = undefined;
  };
  lines.forEach((text, i) => {
    if (!inFence) {
      if (FENCE_OPEN.test(text)) {
        inFence = true;
        fenceIndex++;
      }
      return;
    }
    if (FENCE_CLOSE.test(text)) {
      finish();
      inFence = false;
      return;
    }
    const filename = FILENAME.exec(text);
    if (filename) {
      finish();
      if (filename[1] === 'virtual.ts') current = { line: i + 2, lines: [] };
      return;
    }
    current?.lines.push(text);
  });
  // An unterminated fence at the end of the page still yields its part.
  finish();
  return blocks;
}
