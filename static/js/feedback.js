// Feedback shown next to what was done (templates/includes/messages_at.html) arrives with the
// page a form redirected to, so a screen reader would not announce it.  Move focus to it: it is
// then read first, and the view scrolls to it.  Without JavaScript the redirect's #anchor puts
// the reader at the same place.
const feedback = document.querySelector("[data-feedback]");
if (feedback) {
  feedback.focus({ preventScroll: false });
}
