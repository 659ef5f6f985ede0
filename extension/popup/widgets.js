/**
 * The popup's small DOM helpers, shared by its feature modules: an element by id, status lines
 * that are read out, copying to the clipboard, and text boxes that grow with their text.
 */

export const $ = (id) => document.getElementById(id);

export function clearStatus(id) {
  $(id).textContent = "";
  delete $(id).dataset.kind;
}

export function setStatus(id, kind, text) {
  // A live region reads out what changes in it: it is in the page (empty) before, and the text
  // is set after, so the new text is announced.
  const status = $(id);
  status.dataset.kind = kind;
  status.textContent = text;
}

/** Copy `text`; `status` says whether it worked (the message `okKey`, or copyFailed). */
export async function copyText(text, status, t, okKey) {
  status.textContent = "";
  try {
    await navigator.clipboard.writeText(text);
    status.dataset.kind = "ok";
    status.textContent = t(okKey);
  } catch {
    status.dataset.kind = "error";
    status.textContent = t("copyFailed");
  }
}

/** A text box that grows with its text, so a draft is read whole, never cut mid-line. Returns the fit. */
export function growing(area) {
  const fit = () => {
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener("input", fit);
  requestAnimationFrame(fit);
  return fit;
}
