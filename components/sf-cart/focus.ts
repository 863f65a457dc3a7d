/*
 * Focus helpers for the cart drawer. A modal <dialog> already makes the page behind it inert,
 * but Chromium lets Tab leave the last control for the browser's own toolbar; the drawer
 * wraps Tab and Shift+Tab itself, through shadow roots and slots.
 */

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

function isTabbable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.matches(FOCUSABLE)) return false;
  if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) return false;
  if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
  return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : element.offsetParent !== null;
}

/**
 * What Tab visits inside `root`, in order: through open shadow roots and slotted content.
 * Of a radio group only the checked radio counts (or the first one when none is checked).
 */
export function tabbables(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const radios = new Map<string, HTMLInputElement[]>();
  const walk = (node: Element) => {
    if (node instanceof HTMLSlotElement) {
      for (const assigned of node.assignedElements({ flatten: true })) walk(assigned);
      return;
    }
    if (isTabbable(node)) {
      if (node instanceof HTMLInputElement && node.type === 'radio' && node.name) {
        const group = radios.get(node.name);
        if (group) group.push(node);
        else {
          radios.set(node.name, [node]);
          found.push(node);
        }
      } else found.push(node);
    }
    for (const child of Array.from((node.shadowRoot ?? node).children)) walk(child);
  };
  walk(root);
  // Each radio group sits where its first radio is; Tab lands on its checked radio.
  return found.map((element) => {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return element;
    const group = radios.get(element.name) ?? [element];
    return group.find((radio) => radio.checked) ?? element;
  });
}

/**
 * Keeps Tab inside `container`: from the last control to the first and, with Shift, from the
 * first to the last. Returns true when it moved the focus (the caller prevents the default).
 */
export function wrapTab(container: Element, backwards: boolean): boolean {
  const list = tabbables(container);
  if (list.length === 0) return false;
  const active = deepActiveElement();
  const index = active ? list.indexOf(active as HTMLElement) : -1;
  const inside = active !== null && (container.contains(active) || containsComposed(container, active));
  if (backwards && (index === 0 || !inside)) {
    list[list.length - 1]!.focus();
    return true;
  }
  if (!backwards && (index === list.length - 1 || !inside)) {
    list[0]!.focus();
    return true;
  }
  return false;
}

/** `container` contains `node` in the composed tree (slotted content included). */
function containsComposed(container: Element, node: Element): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === container) return true;
    current = current instanceof Element && current.assignedSlot ? current.assignedSlot : current.parentNode;
    if (current instanceof ShadowRoot) current = current.host;
  }
  return false;
}
