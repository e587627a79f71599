// Feedback shown next to what was done (templates/includes/messages_at.html) arrives with the
// page a form redirected to, so a screen reader would not announce it.  Move focus to it: it is
// then read first, and the view scrolls to it.  Without JavaScript the redirect's #anchor puts
// the reader at the same place.  After "load": the browser's own scroll to the #anchor comes
// before it and would otherwise take the focus back to the document.
function focusFeedback() {
  const feedback = document.querySelector("[data-feedback]");
  if (feedback) {
    feedback.focus();
  }
}

if (document.readyState === "complete") {
  focusFeedback();
} else {
  window.addEventListener("load", focusFeedback, { once: true });
}
