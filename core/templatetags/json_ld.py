"""`{% json_ld object %}`: the object's schema.org description as a JSON-LD data block."""

from django import template
from django.utils.csp import CONTEXT_KEY as CSP_NONCE_KEY

from core.jsonld import json_ld_builders, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, obj) -> str:
    """Nothing for an object no app describes, or one that is not public."""
    data = json_ld_builders.data_for(obj) if obj is not None else None
    if not data:
        return ""
    return json_ld_script(data, nonce=context.get(CSP_NONCE_KEY))
