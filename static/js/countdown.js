// Speaking time: the countdown of the person who has the floor.
//
// The server renders the start of the turn, the limit and its own clock at the
// moment it made the page or the live message (data-started, data-limit,
// data-server-time).  Each element's offset between the server's clock and
// this one is taken when the element first appears, and the count runs here,
// once a second, so every screen stays in step with the server without a
// message per second.  Without JavaScript the page shows the limit and when
// the turn started.  Overrun is said in words, not only in colour.

const offsets = new WeakMap();

function clock(seconds) {
  const whole = Math.max(0, seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function tick() {
  for (const timer of document.querySelectorAll("[data-countdown]")) {
    if (!offsets.has(timer)) offsets.set(timer, Date.parse(timer.dataset.serverTime) - Date.now());
    const now = Date.now() + offsets.get(timer);
    const ends = Date.parse(timer.dataset.started) + Number(timer.dataset.limit) * 1000;
    const left = (ends - now) / 1000;
    const over = left < 0;
    const out = timer.querySelector("[data-countdown-left]");
    if (!out || Number.isNaN(left)) continue;
    out.hidden = false;
    out.textContent = over
      ? `${timer.dataset.textOver} ${clock(Math.floor(-left))}`
      : `${timer.dataset.textLeft} ${clock(Math.ceil(left))}`;
    if (over && !timer.classList.contains("speaking-time--over")) {
      timer.classList.add("speaking-time--over");
      const announcer = document.querySelector("[data-live-announcer]");
      if (announcer) announcer.textContent = timer.dataset.textOverrun;
    }
  }
}

tick();
window.setInterval(tick, 1000);
// A live message replaces the panel: count the new element at once.
for (const root of document.querySelectorAll("[data-live-socket]")) {
  root.addEventListener("live:applied", tick);
}
