/**
 * The options page's view of settings IT set by policy (lib/managed.js): those fields are
 * disabled and carry a note, so a worker sees the value in force and why it cannot be changed.
 */

const NOTE_CLASS = "managed-note";

function note(text) {
  const p = document.createElement("p");
  p.className = `small ${NOTE_CLASS}`;
  p.dataset.i18n = "managedLocked"; // applyI18n re-translates it when the language changes
  p.textContent = text;
  return p;
}

/** Disable what `managed` sets and say so; safe to call again after the form was refilled. */
export function showManaged(form, managed, t) {
  form.querySelectorAll(`.${NOTE_CLASS}`).forEach((n) => n.remove());
  for (const name of ["serverUrl", "lang"]) {
    const field = form.elements[name];
    field.disabled = name in managed;
    if (name in managed) field.closest(".field").append(note(t("managedLocked")));
  }
  const partners = form.querySelector("#partners");
  const locked = "partners" in managed;
  partners.querySelectorAll("input, textarea, select, button").forEach((control) => { control.disabled = locked; });
  partners.querySelectorAll(".partner-remove").forEach((button) => { button.hidden = locked; });
  form.querySelector("#partner-add").hidden = locked;
  if (locked) partners.after(note(t("managedLocked")));
  document.body.dataset.managed = Object.keys(managed).sort().join(" ");
}
