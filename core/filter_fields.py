"""Choice fields of the public filter forms that stay fast with thousands of choices.

At national scale the project list offers 3,000 partner organisations and the meeting list
4,500 projects. Django builds a model instance per choice and renders each option through a
template, which took far longer than every query of the page together. Here the choices are
plain (value, label) pairs read with `values_list` (see `PlainModelChoiceField`), kept in the
public cache until the content changes, and the options are written out directly. Lists
longer still (organisations, projects) are type-ahead fields (`TypeaheadChoiceField`): a text
field whose suggestions come from the API, and no choices in the page at all.
"""

import html

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy

from core import public_cache
from core.deferral import without_long_texts
from core.search import MAX_QUERY_LENGTH as MAX_TYPED_LENGTH
from core.search import NAME_MARK, fold
from core.translated_columns import in_page_language, read_as_named

# The empty choice of every select of a public filter form: "no filter on this".
ANY_CHOICE_LABEL = pgettext_lazy("empty choice of a filter", "any")


def _option(value: str, label: str) -> str:
    return f'<option value="{html.escape(value)}">{html.escape(label)}</option>'


def _options(choices) -> str:
    """Options and option groups ((group label, [(value, label), …])) written out directly."""
    written = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            group = _options(label)
            written.append(f'<optgroup label="{html.escape(str(value))}">\n{group}\n</optgroup>')
        else:
            written.append(_option("" if value is None else str(value), str(label)))
    return "\n".join(written)


class PlainModelChoiceField(django_filters.fields.ModelChoiceField):
    """A model choice field whose choices are read as plain values, no model instance each.

    `label_fields` name the columns a choice's label is made of (translated fields give the
    page's language, with the same fallbacks as on the model); `label_from_values()` makes the
    label from them, by default the first that is not empty ("acronym or title"). The value
    and the validation of a submitted choice are those of a ModelChoiceField.
    """

    def __init__(self, *args, label_fields: tuple[str, ...] = (), **kwargs) -> None:
        self.label_fields = tuple(label_fields)
        super().__init__(*args, **kwargs)

    def label_from_values(self, *values: object) -> str:
        return next((str(value) for value in values if value not in (None, "")), "")

    def plain_choices(self) -> list[tuple[str, str]]:
        choices = [] if self.empty_label is None else [("", str(self.empty_label))]
        model = self.queryset.model
        labels = [in_page_language(model, name) for name in self.label_fields]
        rows = read_as_named(self.queryset)
        for value, *parts in rows.values_list(self.to_field_name or "pk", *labels):
            parts = ("" if part is None else part for part in parts)
            choices.append((str(value), self.label_from_values(*parts)))
        return choices


class SharedModelChoiceIterator(ModelChoiceIterator):
    """A ModelChoiceField's choices as (value, label) strings, and as rendered options,
    computed by the field's own iterator once per content version and language."""

    def __init__(self, field) -> None:
        super().__init__(field)
        self._shared: dict | None = None

    def shared(self) -> dict:
        if self._shared is None:
            field = self.field

            def name() -> tuple:
                return (
                    "choice-options",
                    type(field).__qualname__,
                    field.to_field_name,
                    str(field.empty_label),
                    str(getattr(field, "null_label", None)),
                    get_language(),
                    *public_cache.query_key(self.queryset),
                )

            self._shared = public_cache.remember(name, self._compute, in_process=True)
        return self._shared

    def _compute(self) -> dict:
        if isinstance(self.field, PlainModelChoiceField) and self.field.label_fields:
            pairs = self.field.plain_choices()
            return {"pairs": pairs, "options": "\n".join(_option(*pair) for pair in pairs)}
        field = self.field
        pairs = [] if field.empty_label is None else [("", str(field.empty_label))]
        if (null_label := getattr(field, "null_label", None)) is not None:
            pairs.append((str(field.null_value), str(null_label)))
        choice = type(field).iterator(field).choice
        # Labels are names and titles: the long texts (descriptions, search_text) stay behind.
        # Read at once: the field's own iterator reads through `iterator()`, a server-side
        # cursor on PostgreSQL, three round trips more for a list of ten.
        rows = without_long_texts(field.queryset)
        pairs += [(str(value), str(label)) for value, label in map(choice, rows)]
        return {"pairs": pairs, "options": "\n".join(_option(*pair) for pair in pairs)}

    def options_html(self) -> str:
        return self.shared()["options"]

    def __iter__(self):
        yield from self.shared()["pairs"]

    def __len__(self) -> int:
        return len(self.shared()["pairs"])

    def __bool__(self) -> bool:
        return bool(self.shared()["pairs"])


class LongSelect(forms.Select):
    """A single-choice select that writes its options without a template per option."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        if isinstance(self.choices, SharedModelChoiceIterator):
            options = self.choices.options_html()
        else:
            options = _options(self.choices)
        for selected in self.format_value(value)[:1]:
            option = f'<option value="{html.escape(selected)}"'
            options = options.replace(f"{option}>", f"{option} selected>", 1)
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{html.escape(name)}"{attrs}>\n{options}\n</select>')


def offer_any_choice(form: forms.Form) -> None:
    """Open each single-choice select of `form` with an empty choice labelled "any".

    A select without one always sends a value: the meeting list's quarter, a plain
    TypedChoiceField, added `quarter=1` to every submit of the form. Model and django-filter
    choice fields already have an empty choice; it is relabelled from "---------".
    """
    for field in form.fields.values():
        if field.required or isinstance(field, forms.MultipleChoiceField):
            continue
        if isinstance(field, forms.ModelChoiceField):
            if not isinstance(field, forms.ModelMultipleChoiceField):
                field.empty_label = ANY_CHOICE_LABEL
        elif isinstance(field, forms.ChoiceField):
            given = getattr(field.choices, "choices", None)
            if hasattr(field, "empty_label") and given is not None:
                # django-filter's choice fields (the sort too) add their own empty choice. Set
                # anew, the choices are read through this copy of the field: the form's copy
                # of the widget still reads the label of the filter's original field.
                field.empty_label = ANY_CHOICE_LABEL
                field.choices = given
            else:
                choices = [choice for choice in field.choices if choice[0] not in ("", None)]
                field.choices = [("", ANY_CHOICE_LABEL), *choices]


def lighten_choice_fields(form: forms.Form) -> None:
    """Give each model choice field of `form` the shared choices and the light select."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and type(field.widget) is forms.Select:
            field.iterator = SharedModelChoiceIterator
            widget = LongSelect(attrs=field.widget.attrs, choices=field.choices)
            widget.is_required = field.widget.is_required
            field.widget = widget


# --- Type-ahead fields: choices too many to list

# A choice list this long is a text field instead: a select of thousands of organisations or
# projects was most of a list page's bytes and time, and no one scrolls through it.
TYPEAHEAD_MIN_CHARACTERS = 2


class TypeaheadInput(forms.TextInput):
    """A text field for one of many choices, in which the chosen item's name is shown.

    Without JavaScript, the name (or the slug) typed is sent and resolved by the field. With
    it, static/js/typeahead.js turns the field into a combobox whose suggestions come from the
    public API's list `source` (`/api/<source>/?q=…`), labelled by `label_fields`, and sends
    the chosen suggestion's slug in a hidden field of the field's name.
    """

    def __init__(self, attrs=None, *, source: str = "", label_fields: tuple[str, ...] = ()):
        self.source = source
        self.label_fields = tuple(label_fields)
        self.chosen: tuple[str, str] | None = None  # the slug and the name of the chosen item
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.update(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                "data-typeahead": self.source,
                "data-typeahead-labels": " ".join(self.label_fields),
                "data-typeahead-min": str(TYPEAHEAD_MIN_CHARACTERS),
            }
        )
        if self.chosen is not None:
            widget_attrs["data-typeahead-value"] = self.chosen[0]
        return context

    def format_value(self, value):
        if self.chosen is not None:
            return self.chosen[1]
        return super().format_value(value)


class TypeaheadChoiceField(PlainModelChoiceField):
    """One of many model rows, given by its slug (as links and the API send it) or by its name
    typed in: an exact name (accents and case aside) first, else the only row whose names hold
    the words typed. Several or none is a validation error, which asks for more of the name.

    The model must be searchable (core.search): names are matched in its `search_names`.
    """

    widget = TypeaheadInput
    default_error_messages = {
        "invalid_choice": pgettext_lazy(
            "type-ahead filter", "Nothing matches “%(value)s”. Check the spelling or type less."
        ),
        "ambiguous": pgettext_lazy(
            "type-ahead filter",
            "Several match “%(value)s”. Type more of the name, or choose a suggestion.",
        ),
    }

    def __init__(self, *args, source: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.widget = TypeaheadInput(
            attrs=self.widget.attrs, source=source, label_fields=self.label_fields
        )

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return None
        text = str(value).strip()[:MAX_TYPED_LENGTH]
        rows = self._light(self.queryset)
        found = list(rows.filter(**{self.to_field_name or "pk": text})[:1])
        if not found:
            found = self._by_name(rows, text)
        if len(found) != 1:
            code = "ambiguous" if found else "invalid_choice"
            raise forms.ValidationError(
                self.error_messages[code], code=code, params={"value": text}
            )
        chosen = found[0]
        self.widget.chosen = (
            str(getattr(chosen, self.to_field_name or "pk")),
            self.label_from_values(*(getattr(chosen, name) for name in self.label_fields)),
        )
        return chosen

    def _by_name(self, rows, text: str) -> list:
        folded = fold(text)
        if not folded:
            return []
        exact = list(rows.filter(search_names__contains=f"{NAME_MARK}{folded}{NAME_MARK}")[:2])
        return exact or list(rows.matching(text)[:2])

    def _light(self, queryset):
        """The rows without their long texts: only the key, the slug and the names are read."""
        return without_long_texts(queryset)
