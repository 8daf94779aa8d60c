// Sizes and durations as reports and messages print them (one place, so every face and rule says "1.5 MB" alike).

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** "2.00 GB", "12.0 MB", "0.5 KB"; `largest: 'MB'` never goes past MB (request bodies: "1024.0 MB"). */
export function formatBytes(n: number, largest: 'GB' | 'MB' = 'GB'): string {
  if (largest === 'GB' && n >= GB) return `${(n / GB).toFixed(2)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  return `${(n / KB).toFixed(1)} KB`;
}

/** Milliseconds as seconds without a unit ("1.5"; JUnit's times take 3 digits): the zh texts put 秒 after it. */
export const seconds = (ms: number, digits = 1): string => (ms / 1000).toFixed(digits);

/** "1.5 s". */
export const formatSeconds = (ms: number): string => `${seconds(ms)} s`;
