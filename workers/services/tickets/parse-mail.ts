import PostalMime, { type Email, type PostalMimeOptions, type RawEmail } from 'postal-mime';
import { unflow } from './flowed-text';

/**
 * The parts of postal-mime 4's parse tree this module reads (internal there, stable within
 * the pinned 4.0.0): each leaf's content type with its parameters, and its decoded text.
 */
interface TreeNode {
  childNodes: TreeNode[];
  contentType: { parsed: { value: string; params: Record<string, string> } };
  contentDisposition: { parsed: { value: string } };
  getTextContent(): string;
}

function plainLeaves(node: TreeNode, out: TreeNode[] = []): TreeNode[] {
  if (node.childNodes.length) for (const child of node.childNodes) plainLeaves(child, out);
  else if (
    node.contentType.parsed.value === 'text/plain' &&
    node.contentDisposition.parsed.value !== 'attachment'
  )
    out.push(node);
  return out;
}

/** The one flowed text part, if the tree has that shape; a changed internal shape is "none". */
function flowedPart(root: TreeNode | undefined): TreeNode | undefined {
  try {
    const leaves = root ? plainLeaves(root) : [];
    const [only] = leaves;
    return leaves.length === 1 && /^flowed$/i.test(only!.contentType.parsed.params.format ?? '')
      ? only
      : undefined;
  } catch {
    return undefined;
  }
}

/** The node's text as sent: charset decoded, flowed lines not yet joined. */
function sentText(node: TreeNode): string {
  const params = node.contentType.parsed.params;
  const format = params.format;
  delete params.format;
  try {
    return node.getTextContent();
  } finally {
    params.format = format!;
  }
}

/** The tree's outer shape; deeper changes are caught where it is walked (`flowedPart`). */
function isTreeNode(v: object): v is TreeNode {
  return (
    'childNodes' in v &&
    Array.isArray(v.childNodes) &&
    'getTextContent' in v &&
    typeof v.getTextContent === 'function'
  );
}

/** postal-mime keeps the parsed MIME tree on the parser (`root`), outside its published types. */
function rootOf(parser: PostalMime): TreeNode | undefined {
  if (!('root' in parser) || typeof parser.root !== 'object' || parser.root === null) return undefined;
  return isTreeNode(parser.root) ? parser.root : undefined;
}

/**
 * An inbound message parsed by postal-mime, except that a single `format=flowed` text part
 * is unwrapped with its quote depth respected (flowed-text.ts says why).
 */
export async function parseMail(raw: RawEmail, options?: PostalMimeOptions): Promise<Email> {
  const parser = new PostalMime(options);
  const mail = await parser.parse(raw);
  const part = flowedPart(rootOf(parser));
  if (part) {
    const delSp = /^yes$/i.test(part.contentType.parsed.params.delsp ?? '');
    try {
      mail.text = unflow(sentText(part), delSp);
    } catch {
      // postal-mime's own unwrapping stays: a worse split of the reply, never a lost message.
    }
  }
  return mail;
}
