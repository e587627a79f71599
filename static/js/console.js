// The chair's console: the attendance list follows the meeting live.
//
// live.js keeps the meeting's socket and fires "live:applied" on its section
// after each message.  The socket carries only public state, while the list
// holds the console's forms (with their CSRF tokens), so this script fetches
// the list again from the server, rendered by the same template include as the
// page, and swaps it in: a member who checks in appears without a reload.
// Without JavaScript the console is a normal page showing the list as loaded.

const list = document.querySelector("[data-console-attendance]");
const live = document.querySelector("[data-live-socket]");
const announcer = document.querySelector("[data-live-announcer]");

function checkedIn(root) {
  return new Map(
    [...root.querySelectorAll('[data-state="checked_in"]')].map((row) => [row.dataset.member, row.dataset.name]),
  );
}

let pending = null;
let again = false;

async function refresh() {
  if (pending) {
    again = true; // one more fetch after this one, for the changes it may have missed
    return;
  }
  pending = fetch(list.dataset.consoleAttendance, { credentials: "same-origin", cache: "no-store" });
  try {
    const response = await pending;
    if (response.ok) swap(await response.text());
  } catch (error) {
    // Offline for a moment: the next message tries again.
  } finally {
    pending = null;
    if (again) {
      again = false;
      refresh();
    }
  }
}

// Each rendering masks the CSRF token anew: the list has changed only if the rest has.
function unmasked(html) {
  return html.replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, "").trim();
}

function swap(html) {
  if (unmasked(list.innerHTML) === unmasked(html)) return;
  const before = checkedIn(list);
  // Keep the keyboard where it was: the focused button is found again by its member.
  const focused = list.contains(document.activeElement) ? document.activeElement.closest("[data-member]") : null;
  list.innerHTML = html;
  if (focused) {
    const row = list.querySelector(`[data-member="${focused.dataset.member}"] button`);
    if (row) row.focus();
  }
  const arrived = [...checkedIn(list)].filter(([member]) => !before.has(member)).map(([, name]) => name);
  if (announcer && arrived.length) {
    announcer.textContent = arrived.map((name) => list.dataset.textCheckedIn.replace("__name__", name)).join(" ");
  }
}

if (list && live) live.addEventListener("live:applied", refresh);
