// Tiny DOM builders for the readiness panel: elements with attributes and text children, never HTML strings.

export type Child = Node | string | false | undefined;
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === false || child === undefined) continue;
    // Strings become text nodes: whatever a report holds (file names, notes, messages) is never parsed as markup.
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** A button that runs `onClick`; `key` lets a re-render give focus back to the same button. */
export function button(label: Child | readonly Child[], onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attrs }, ...(Array.isArray(label) ? (label as readonly Child[]) : [label as Child]));
  node.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return node;
}
