// Rada live updates: one small module, no dependencies, no build step.
//
// A page opts in with an element carrying data-live-socket (the websocket
// path) and data-live-kind ("meeting", "ballot" or "consultation").  Without
// JavaScript, or without websockets, the page stays what it is: a normal page
// that shows the state when it is loaded.
//
// Meeting messages are the whole public state with a sequence number
// (docs/live-protocol.md).  The client keeps the last number; a message that
// skips one means something was missed, so it asks for a snapshot instead of
// applying it.  After a dropped connection it reconnects with growing,
// jittered delays, and the server starts every connection with a snapshot.
// Only a 4404 close (no such meeting or consultation any more) ends it.

const MAX_DELAY_MS = 30000;
const CLOSE_NOT_FOUND = 4404; // the meeting or consultation is gone: reconnecting cannot help

function socketUrl(path) {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${path}`;
}

class LiveChannel {
  constructor(root) {
    this.root = root;
    this.kind = root.dataset.liveKind;
    this.path = root.dataset.liveSocket;
    this.status = root.querySelector("[data-live-status]");
    this.announcer = document.querySelector("[data-live-announcer]");
    this.seq = null;
    this.attempt = 0;
    this.lastAnnouncement = null;
    this.connect();
  }

  setStatus(name) {
    if (!this.status) return;
    this.status.textContent = this.root.dataset[`liveText${name}`] || "";
    this.status.dataset.state = name.toLowerCase();
  }

  connect() {
    let socket;
    try {
      socket = new WebSocket(socketUrl(this.path));
    } catch (error) {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.setStatus("Live");
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", (event) => {
      if (event.code === CLOSE_NOT_FOUND) {
        this.setStatus("Gone");
        return;
      }
      this.setStatus("Reconnecting");
      this.retry();
    });
  }

  retry() {
    const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** this.attempt);
    this.attempt += 1;
    window.setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (error) {
      return;
    }
    if (message.type === "comments") {
      this.showNewComments(message.count);
      return;
    }
    if (message.type === "snapshot") {
      // A snapshot built while a newer message was on its way is older than
      // what is shown: keep the newer state.
      if (this.seq === null || message.seq >= this.seq) this.apply(message);
      return;
    }
    if (message.type !== "state") return;
    if (this.seq !== null && message.seq <= this.seq) return; // already seen
    if (this.seq === null || message.seq !== this.seq + 1) {
      this.send({ type: "resync" }); // a gap: something was missed
      return;
    }
    this.apply(message);
  }

  apply(message) {
    this.seq = message.seq;
    if (this.kind === "ballot") {
      this.followBallot(message.state);
    }
    const html = message.html || {};
    for (const region of this.root.querySelectorAll("[data-live-region]")) {
      const fragment = html[region.dataset.liveRegion];
      if (fragment !== undefined && region.innerHTML.trim() !== fragment) {
        region.innerHTML = fragment;
      }
    }
    const panel = this.root.querySelector("[data-announce]");
    if (panel) this.announce(panel.dataset.announce);
    // Other scripts of the page (the chair's console) follow the meeting too.
    this.root.dispatchEvent(new CustomEvent("live:applied", { detail: message }));
  }

  // The ballot page is personal (who may vote, the form's CSRF token), so it
  // is rendered by the server: it reloads when a vote opens or closes.
  followBallot(state) {
    const poll = state.poll && state.poll.state === "open" ? String(state.poll.id) : "";
    if (poll !== (this.root.dataset.openPoll || "")) {
      window.location.reload();
    }
  }

  announce(text) {
    if (!this.announcer || !text || text === this.lastAnnouncement) return;
    const first = this.lastAnnouncement === null;
    this.lastAnnouncement = text;
    if (!first) this.announcer.textContent = text; // not on page load
  }

  showNewComments(count) {
    const banner = this.root.querySelector("[data-live-banner]");
    const shown = Number(this.root.dataset.commentCount || "0");
    if (!banner || count <= shown) return;
    banner.querySelector("[data-live-count]").textContent = String(count - shown);
    if (banner.hidden) {
      banner.hidden = false;
      if (this.announcer) this.announcer.textContent = banner.textContent.trim();
    }
  }
}

for (const root of document.querySelectorAll("[data-live-socket]")) {
  if ("WebSocket" in window) new LiveChannel(root);
}
