// Rada language suggestion: one small module, no dependencies, no build step.
//
// A form opts in with data-language-suggest (the URL of translators:detect).
// When the writer pauses typing in its text area, the text goes to the
// server's offline detector and the language select shows what it found,
// with a polite hint next to it (the sentences come from the template, one
// per language, so this file carries no text of its own).
//
// The writer's choice always wins.  The script changes the select only while
// it shows "detect for me" (data-language-auto), the server's default nobody
// chose yet (data-language-default), or a language the script itself set.
// Once the writer picks a language by hand, the script stops asking.  Errors
// and "too many requests" are ignored: the server still detects on saving.
// Without JavaScript the form is what it always was.

const PAUSE_MS = 600;
// The detector's own threshold: translators/detection.py MIN_LETTERS.
const MIN_LETTERS = 12;
const RATE_LIMITED_MS = 60000;

function countLetters(text) {
  return (text.match(/\p{L}/gu) || []).length;
}

class LanguageSuggestion {
  constructor(form) {
    this.url = form.dataset.languageSuggest;
    this.auto = form.dataset.languageAuto;
    this.text = form.querySelector("textarea[name=text]");
    this.select = form.querySelector("select[name=language]");
    this.hint = form.querySelector("[data-language-hint]");
    this.token = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!this.url || !this.text || !this.select || !this.hint || !this.token) return;

    // What the select showed before the script changed it, to go back to.
    this.untouched = this.select.value;
    this.free = this.isFree(this.untouched) || this.untouched === form.dataset.languageDefault;
    this.suggested = null;
    this.lastText = null;
    this.request = 0;
    this.timer = null;
    this.pausedUntil = 0;

    // The hint belongs next to the select it talks about.
    this.select.insertAdjacentElement("afterend", this.hint);
    this.text.addEventListener("input", () => this.schedule());
    this.select.addEventListener("change", () => this.chosenByHand());
  }

  isFree(value) {
    return this.auto !== undefined && value === this.auto;
  }

  // A "change" event comes from the writer only, never from setting .value.
  chosenByHand() {
    this.free = this.isFree(this.select.value);
    this.untouched = this.select.value;
    this.suggested = null;
    this.lastText = null;
    this.request += 1;
    this.showHint(null);
    this.schedule();
  }

  schedule() {
    window.clearTimeout(this.timer);
    if (this.free) this.timer = window.setTimeout(() => this.detect(), PAUSE_MS);
  }

  async detect() {
    const text = this.text.value;
    if (!this.free || text === this.lastText || Date.now() < this.pausedUntil) return;
    this.lastText = text;
    const request = ++this.request; // answers to earlier requests are stale now
    if (countLetters(text) < MIN_LETTERS) {
      this.suggest(null);
      return;
    }
    let response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        body: new URLSearchParams({ text }),
        headers: { "X-CSRFToken": this.token.value },
        credentials: "same-origin",
      });
    } catch (error) {
      this.lastText = null; // try again after the next pause
      return;
    }
    if (response.status === 429) this.pausedUntil = Date.now() + RATE_LIMITED_MS;
    if (!response.ok) {
      this.lastText = null;
      return;
    }
    let body;
    try {
      body = await response.json();
    } catch (error) {
      return;
    }
    if (request !== this.request || !this.free) return;
    this.suggest(body.language || null);
  }

  suggest(language) {
    const known = language && this.select.querySelector(`option[value="${CSS.escape(language)}"]`);
    if (known) {
      this.suggested = language;
      this.select.value = language;
      this.showHint(language);
    } else if (this.suggested !== null) {
      // Nothing sure any more: back to what the writer had, and say nothing.
      this.suggested = null;
      this.select.value = this.untouched;
      this.showHint(null);
    }
  }

  showHint(language) {
    const text = (language && this.hint.getAttribute(`data-hint-${language}`)) || "";
    if (this.hint.textContent !== text) this.hint.textContent = text; // announced once
    const described = (this.select.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    const others = described.filter((id) => id !== this.hint.id);
    const next = text ? [...others, this.hint.id] : others;
    if (next.length) this.select.setAttribute("aria-describedby", next.join(" "));
    else this.select.removeAttribute("aria-describedby");
  }
}

for (const form of document.querySelectorAll("form[data-language-suggest]")) {
  if ("fetch" in window) new LanguageSuggestion(form);
}
