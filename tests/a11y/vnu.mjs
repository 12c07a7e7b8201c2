// The Nu Html Checker (vnu.jar) over a site's HTML, CSS and SVG files: one
// Java start-up per file type, since vnu parses local files as HTML unless told
// --css or --svg.

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

// The C1 compiler alone starts in a third of the time and checks a few hundred
// pages faster than the default tiered JIT on two cores; its deeper stack
// frames need more than the usual -Xss1024k.
const JAVA_OPTS = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

function java(args) {
  return new Promise((resolve, reject) => {
    execFile('java', [...JAVA_OPTS, '-jar', VNU_JAR, ...args],
      { maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`vnu failed: ${err.message}\n${stderr}`));
        else resolve(stdout);
      });
  });
}

function fileOf(url) {
  try { return fileURLToPath(url); } catch { return url ?? '(unknown)'; }
}

/**
 * Checks `files` (absolute paths) as `mode`: 'html', 'css' or 'svg'. Returns [{file, type, subType, line, column, message, extract}].
 */
export async function runVnu(files, mode = 'html') {
  if (files.length === 0) return [];
  const args = ['--format', 'json', '--stdout', '--exit-zero-always'];
  args.push(`--${mode}`);
  // Pass files in chunks to stay below the kernel's argument-length limit.
  const messages = [];
  for (let i = 0; i < files.length; i += 2000) {
    const out = await java([...args, ...files.slice(i, i + 2000)]);
    let parsed;
    try {
      parsed = JSON.parse(out);
    } catch {
      throw new Error(`vnu printed something that is not JSON:\n${out.slice(0, 2000)}`);
    }
    for (const m of parsed.messages ?? []) {
      messages.push({
        file: fileOf(m.url),
        type: m.type,
        subType: m.subType,
        line: m.lastLine ?? m.firstLine,
        column: m.firstColumn ?? m.lastColumn,
        message: m.message,
        extract: m.extract,
      });
    }
  }
  return messages;
}

/** An error fails the suite: type "error" (including subType "fatal") or "non-document-error". */
export function isFailure(m) {
  return m.type === 'error' || m.type === 'non-document-error';
}

export function formatMessage(m, root) {
  const rel = path.relative(root, m.file) || m.file;
  const where = m.line ? `${rel}:${m.line}${m.column ? ':' + m.column : ''}` : rel;
  const kind = m.type === 'info' ? (m.subType ?? 'info') : m.subType ? `${m.type} (${m.subType})` : m.type;
  const lines = [`${where}: ${kind}: ${m.message}`];
  if (m.extract) lines.push(`    ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
  return lines;
}
