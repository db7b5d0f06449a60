/**
 * A few lines in place of a framework: the look-up page is small, is often opened over a slow
 * mobile connection inside another site's frame, and should load in one light script.
 */
type Child = Node | string | number | null | undefined | false;
type Attribute = string | number | boolean | null | undefined | EventListener;

/**
 * Creates an element. Attributes named `on…` are event listeners; `true` sets a boolean
 * attribute, `false`, null and undefined leave it out; text children are text nodes, never HTML.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, Attribute> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);

  return element;
};

export const append = (parent: Node, ...children: Child[]): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
};

/** Replaces everything inside `parent`. */
export const replace = (parent: Node, ...children: Child[]): void => {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
};

/** True inside another site's frame (a ward website, the city operations centre). */
export const isFramed = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};
