class RuleBroken(Exception):
    """A domain rule refused the action; ``message`` is translated and shown as is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
