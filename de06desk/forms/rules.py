"""A small, safe evaluator for the cross-field rules written in form files.

Rules are Python-like boolean expressions (`approved_count <= received_count`,
`status != 'corrected' or corrected_value`). They are parsed with `ast` and only a
whitelist of nodes is accepted: names, literals, comparisons, `and`/`or`/`not`, `+ - *`
and tuples/lists of literals. There are no calls, attributes, subscripts or lambdas, so an
expression cannot reach Python objects; nothing is ever passed to `eval`.

Ordering comparisons with an empty operand are *unknown* (None) and `and`/`or` follow
three-valued logic, so a rule about two counts does not fire while one of them is blank
(required-ness is the field's job). A rule fails only when it evaluates to exactly False.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_EXPRESSION_LENGTH = 500
MAX_DEPTH = 30

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_ARITH: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}


class RuleSyntaxError(ValueError):
    """The expression is not in the rule language; the message says what is not allowed."""


@dataclass(frozen=True)
class CompiledRule:
    """A parsed, checked rule expression and the field names it reads."""

    source: str
    tree: ast.Expression
    names: frozenset[str]
    # The tree turned into nested closures once, so a hub validating millions of rows does not
    # walk the AST for each of them.
    run: Callable[[Mapping[str, Any]], Any] = field(compare=False, repr=False)

    def evaluate(self, values: Mapping[str, Any]) -> bool | None:
        """True/False, or None when unknown because a compared value is blank."""
        result = self.run(values)
        return None if result is UNKNOWN else bool(result)

    def passes(self, values: Mapping[str, Any]) -> bool:
        """Whether the record satisfies the rule (unknown counts as satisfied)."""
        return self.evaluate(values) is not False


def compile_rule(source: str) -> CompiledRule:
    """Parse and check an expression; raise RuleSyntaxError if it uses anything not allowed."""
    if not isinstance(source, str) or not source.strip():
        raise RuleSyntaxError("the expression is empty")
    if len(source) > MAX_EXPRESSION_LENGTH:
        raise RuleSyntaxError(f"the expression is longer than {MAX_EXPRESSION_LENGTH} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise RuleSyntaxError(f"syntax error: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise RuleSyntaxError("the expression is too deeply nested or not valid text") from None
    names: set[str] = set()
    _check(tree.body, names, 0)
    return CompiledRule(source, tree, frozenset(names), _compile(tree.body))


def _check(node: ast.AST, names: set[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise RuleSyntaxError("the expression is too deeply nested")
    match node:
        case ast.Name(id=name, ctx=ast.Load()):
            if name.startswith("_"):
                raise RuleSyntaxError(f"names may not start with '_': {name}")
            names.add(name)
        case ast.Constant(value=value):
            if not isinstance(value, str | int | float | bool) and value is not None:
                raise RuleSyntaxError(f"literal of type {type(value).__name__} is not allowed")
        case ast.BoolOp(op=ast.And() | ast.Or(), values=values):
            for child in values:
                _check(child, names, depth + 1)
        case ast.UnaryOp(op=ast.Not() | ast.USub(), operand=operand):
            _check(operand, names, depth + 1)
        case ast.BinOp(op=op, left=left, right=right) if type(op) in _ARITH:
            _check(left, names, depth + 1)
            _check(right, names, depth + 1)
        case ast.Compare(left=left, ops=ops, comparators=comparators):
            if any(type(op) not in _COMPARE for op in ops):
                raise RuleSyntaxError("only ==, !=, <, <=, >, >=, in, not in compare values")
            _check(left, names, depth + 1)
            for child in comparators:
                _check(child, names, depth + 1)
        case ast.Tuple(elts=elts) | ast.List(elts=elts):
            for child in elts:
                if not isinstance(child, ast.Constant):
                    raise RuleSyntaxError("lists in rules may only hold literal values")
                _check(child, names, depth + 1)
        case ast.Call():
            raise RuleSyntaxError("function calls are not allowed in rules")
        case ast.Attribute():
            raise RuleSyntaxError("attribute access is not allowed in rules")
        case _:
            raise RuleSyntaxError(f"'{type(node).__name__}' is not allowed in rules")


class _Unknown:
    """Result of an ordering comparison or arithmetic on a blank value."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


Evaluator = Callable[[Mapping[str, Any]], Any]


def _compile(node: ast.AST) -> Evaluator:
    """The closure computing `node` over a record's values (three-valued, see the module doc)."""
    match node:
        case ast.Name(id=name):

            def name_value(values: Mapping[str, Any]) -> Any:
                value = values.get(name)
                return None if value == "" or value == [] else value

            return name_value
        case ast.Constant(value=constant):
            return lambda values: constant
        case ast.Tuple(elts=elts) | ast.List(elts=elts):
            items = [_compile(e) for e in elts]
            return lambda values: tuple(item(values) for item in items)
        case ast.UnaryOp(op=ast.Not(), operand=operand):
            inner = _compile(operand)

            def negation(values: Mapping[str, Any]) -> Any:
                value = inner(values)
                return UNKNOWN if value is UNKNOWN else not value

            return negation
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            inner = _compile(operand)

            def minus(values: Mapping[str, Any]) -> Any:
                value = inner(values)
                return UNKNOWN if value is None or value is UNKNOWN else _safe(operator.neg, value)

            return minus
        case ast.BinOp(op=op, left=left, right=right):
            fn, first, second = _ARITH[type(op)], _compile(left), _compile(right)

            def arithmetic(values: Mapping[str, Any]) -> Any:
                a, b = first(values), second(values)
                # Numbers only: `'x' * 10**9` must not be a way to exhaust memory.
                if not (_is_number(a) and _is_number(b)):
                    return UNKNOWN
                return _safe(fn, a, b)

            return arithmetic
        case ast.BoolOp(op=ast.And(), values=parts):
            conjuncts = [_compile(p) for p in parts]
            return lambda values: _kleene_and([c(values) for c in conjuncts])
        case ast.BoolOp(op=ast.Or(), values=parts):
            disjuncts = [_compile(p) for p in parts]
            return lambda values: _kleene_or([d(values) for d in disjuncts])
        case ast.Compare(left=left, ops=ops, comparators=comparators):
            head = _compile(left)
            steps = [(op, _compile(c)) for op, c in zip(ops, comparators, strict=True)]

            def comparison(values: Mapping[str, Any]) -> Any:
                current = head(values)
                outcome: Any = True
                for op, comp in steps:
                    right = comp(values)
                    if current is UNKNOWN or right is UNKNOWN:
                        step: Any = UNKNOWN
                    elif isinstance(op, _ORDERING) and (current is None or right is None):
                        step = UNKNOWN
                    elif isinstance(op, ast.In | ast.NotIn) and right is None:
                        step = isinstance(op, ast.NotIn)
                    else:
                        step = _safe(_COMPARE[type(op)], current, right)
                    outcome = _kleene_and([outcome, step])
                    current = right
                return outcome

            return comparison
    raise RuleSyntaxError(f"'{type(node).__name__}' is not allowed in rules")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _safe(fn: Callable[..., Any], *args: Any) -> Any:
    # Values of mismatched types (a date against a number) make the rule unknown, not a crash.
    try:
        return fn(*args)
    except (TypeError, ValueError, OverflowError, ArithmeticError):
        return UNKNOWN


# Plain loops, not any() over generators: a rule runs for every row of an imported list.
def _kleene_and(parts: list[Any]) -> Any:
    unknown = False
    for p in parts:
        if p is UNKNOWN:
            unknown = True
        elif not p:
            return False
    return UNKNOWN if unknown else True


def _kleene_or(parts: list[Any]) -> Any:
    unknown = False
    for p in parts:
        if p is UNKNOWN:
            unknown = True
        elif p:
            return True
    return UNKNOWN if unknown else False
