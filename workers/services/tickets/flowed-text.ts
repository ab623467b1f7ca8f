/**
 * RFC 3676 `format=flowed` text unwrapped the way the RFC says and postal-mime 4 does not:
 * a soft break (a line ending in a space) joins the next line only when both lines sit at
 * the same quote depth. postal-mime joins across a depth change, so a Thunderbird reply's
 * last line swallows the quote below it and the reply can no longer be told apart.
 */

const SIGNATURE = /^-- $/;

interface FlowedLine {
  depth: number;
  text: string;
}

function splitLine(raw: string): FlowedLine {
  const quotes = /^>+/.exec(raw)?.[0] ?? '';
  let text = raw.slice(quotes.length);
  // Space-stuffing (4.4): one leading space was added by the sender; it is not content.
  if (text.startsWith(' ')) text = text.slice(1);
  return { depth: quotes.length, text };
}

export function unflow(body: string, delSp = false): string {
  const out: string[] = [];
  let current: FlowedLine | undefined;
  let soft = false;
  const emit = (line: FlowedLine) =>
    out.push(line.depth ? `${'>'.repeat(line.depth)} ${line.text}`.trimEnd() : line.text);
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = splitLine(raw);
    // An empty line ends a paragraph even after a soft break: there is nothing to join.
    if (current && soft && line.depth === current.depth && line.text && !SIGNATURE.test(line.text)) {
      current.text += line.text;
    } else {
      if (current) emit(current);
      current = { ...line };
    }
    soft = current.text.endsWith(' ') && !SIGNATURE.test(current.text);
    if (soft && delSp) {
      current.text = current.text.slice(0, -1);
    }
  }
  if (current) emit(current);
  return out.join('\n');
}
