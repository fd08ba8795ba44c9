"""Messages of the reports area: code → {"zh_CN": …, "en": …}; placeholders use str.format names."""

MESSAGES: dict[str, dict[str, str]] = {}
