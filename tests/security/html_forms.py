"""Read the forms of a page the way a browser would submit them, so tests can post them back.

Tests that fill admin forms with hostile values start from what the page offers (every field,
inline management form and default) instead of a hand-written copy that drifts from the admin.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlForm:
    action: str
    method: str
    attrs: dict[str, str]
    # name -> submitted values, as a browser sends them (unchecked boxes absent).
    data: dict[str, list[str]] = field(default_factory=dict)
    # name -> "text", "textarea", "select", "checkbox", "file", "hidden", "number", "date"…
    kinds: dict[str, str] = field(default_factory=dict)
    # name -> the values a select offers.
    options: dict[str, list[str]] = field(default_factory=dict)
    # name -> the field's HTML attributes (class, type, required…).
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)

    def submission(self) -> dict[str, list[str] | str]:
        """The data to post, without the empty-form templates of inline formsets."""
        return {
            name: values if len(values) != 1 else values[0]
            for name, values in self.data.items()
            if "__prefix__" not in name
        }

    def add_inline_row(self, prefix: str) -> int:
        """Add one row to the inline formset `prefix` from its empty-form template."""
        index = int(self.data[f"{prefix}-TOTAL_FORMS"][0])
        template = f"{prefix}-__prefix__-"
        for name in [name for name in self.kinds if name.startswith(template)]:
            new_name = name.replace("__prefix__", str(index))
            self.data[new_name] = list(self.data.get(name, []))
            self.kinds[new_name] = self.kinds[name]
            self.attributes[new_name] = self.attributes.get(name, {})
            if name in self.options:
                self.options[new_name] = self.options[name]
        self.data[f"{prefix}-TOTAL_FORMS"] = [str(index + 1)]
        return index

    def editable_fields(self) -> list[str]:
        """Fields a person types or picks in, not hidden bookkeeping or templates."""
        return [
            name
            for name, kind in self.kinds.items()
            if kind not in {"hidden", "submit", "button", "file", "reset", "image"}
            and "__prefix__" not in name
            and name != "csrfmiddlewaretoken"
        ]


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._select: tuple[str, bool] | None = None
        self._select_has_selection = False
        self._option_value: str | None = None
        self._option_text = ""
        self._textarea: str | None = None
        self._textarea_text = ""

    @property
    def _form(self) -> HtmlForm | None:
        return self.forms[-1] if self.forms else None

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(
                HtmlForm(
                    action=attributes.get("action", ""),
                    method=attributes.get("method", "get").lower(),
                    attrs=attributes,
                )
            )
            return
        form = self._form
        if form is None:
            return
        name = attributes.get("name")
        if name and tag in {"input", "select", "textarea"}:
            form.attributes[name] = attributes
        if tag == "input" and name:
            kind = attributes.get("type", "text").lower()
            form.kinds[name] = kind
            form.data.setdefault(name, [])
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    form.data[name].append(attributes.get("value", "on"))
                form.options.setdefault(name, []).append(attributes.get("value", "on"))
            elif kind not in {"submit", "button", "reset", "image", "file"}:
                form.data[name].append(attributes.get("value", ""))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attributes)
            self._select_has_selection = False
            form.kinds[name] = "select"
            form.data.setdefault(name, [])
            form.options.setdefault(name, [])
        elif tag == "option" and self._select:
            self._option_value = attributes.get("value")
            self._option_text = ""
            value = self._option_value
            if value is not None:
                self._add_option(value, selected="selected" in attributes)
        elif tag == "textarea" and name:
            self._textarea = name
            self._textarea_text = ""
            form.kinds[name] = "textarea"

    def _add_option(self, value: str, *, selected: bool) -> None:
        name, multiple = self._select
        self._form.options[name].append(value)
        if selected:
            if not multiple:
                self._form.data[name] = []
            self._form.data[name].append(value)
            self._select_has_selection = True

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea_text += data
        elif self._option_value is None and self._select is not None:
            self._option_text += data

    def handle_endtag(self, tag):
        form = self._form
        if tag == "textarea" and self._textarea is not None:
            # A browser drops the newline that directly follows <textarea>.
            text = self._textarea_text.removeprefix("\n")
            form.data[self._textarea] = [text]
            self._textarea = None
        elif tag == "option" and self._select is not None:
            self._option_value = None
        elif tag == "select" and self._select is not None:
            name, multiple = self._select
            options = form.options[name]
            if not multiple and not self._select_has_selection and options:
                form.data[name] = [options[0]]
            self._select = None


def parse_forms(html: str) -> list[HtmlForm]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def find_form(html: str, *, method: str = "post", with_field: str | None = None) -> HtmlForm:
    """The first form of that method (holding `with_field` if given)."""
    for form in parse_forms(html):
        if form.method == method and (with_field is None or with_field in form.kinds):
            return form
    raise LookupError(f"No {method} form with field {with_field!r} on the page")
