"""Where a method is validated: how far out of the money it still meets a tolerance.

Relative error is unforgiving far out of the money: a call at S = 0.8 K with
three months to run and 10 % volatility is worth about 8e-8 K, so 1e-4
relative is an absolute error of 8e-12 K, which some grid- and path-based
methods cannot reach at an affordable resolution. A method's ``method.json`` may
therefore declare, per problem, the depth out of the money up to which it
was measured to meet a tolerance (bench/domain measures it)::

    "domain": {"tol": 1e-4, "max_sd_out_of_the_money": {"4": 2.5}}

Depth is counted from the forward F = E[S_T] in standard deviations of ln S_T:
ln(K/F) / sqrt(w T) for a call's price and delta, ln(F/K) / sqrt(w T) for a
put's, |ln(F/K)| / sqrt(w T) for gamma and vega (tiny on both sides), with w
the model's variance rate. An American option is worth at least its exercise
value, so its depth is the smaller of the depths from the forward and from the
spot: an American put below the strike is never "out of the money". (Counted
from the spot, problem 1a-II's defaults,
S = 97 with K = 100, sigma = 0.01 and r = 0.1, would look 6 deviations out of
the money, though their forward is 1.2 deviations from the strike.)
An up-and-out call pays only on paths that end above the strike without
touching the barrier, and a barrier close above the spot makes it as tiny as a
deep strike does. Its depth is therefore read from the probability P that it
pays, on the same scale: the depth at which a call without a barrier pays with
probability P, -Phi^-1(P) - sqrt(w T) / 2, which is the depth above when the
barrier is far away (P from the reflection principle for Brownian motion with
drift, Shreve, Stochastic Calculus for Finance II, sec. 7.2).
For a requested tolerance at or below ``tol``, a point deeper than the limit
makes the pair "unsupported" with the reason, rather than a run that climbs
every level to report "inaccurate". Looser tolerances are not limited.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from .catalogue import ParamValue, Problem


def _heston_mean_variance(p: Mapping[str, Any]) -> float:
    """The expected mean of the Heston variance over [0, T]."""
    kt = p["kappa"] * p["T"]
    weight = -math.expm1(-kt) / kt if kt > 1e-12 else 1.0
    return p["theta"] + (p["V0"] - p["theta"]) * weight


def _merton_variance(p: Mapping[str, Any]) -> float:
    """Diffusion plus jump variance of ln S per year."""
    return p["sigma"] ** 2 + p["lambda"] * (p["gamma"] ** 2 + p["delta"] ** 2)


def _local_vol_parametric_variance(p: Mapping[str, Any]) -> float:
    """The local variance at the strike at t = 0 (the surface of problem 3-I)."""
    s = p["K"] / 100
    sigma = 0.15 + 0.15 * 0.5 * (s - 1.2) ** 2 / (s**2 + 1.44)
    return sigma**2


_VARIANCE_RATE = {
    "black-scholes": lambda p: p["sigma"] ** 2,
    "black-scholes-dividend": lambda p: p["sigma"] ** 2,
    "heston": _heston_mean_variance,
    "merton": _merton_variance,
    "local-vol-parametric": _local_vol_parametric_variance,
}


def has_depth(problem: Problem) -> bool:
    """Whether depth out of the money is defined for ``problem`` (a strike and a variance rate)."""
    return problem.model in _VARIANCE_RATE and problem.payoff in ("call", "put") and problem.point_dim == 1


def depth_scale(problem: Problem, params: Mapping[str, ParamValue]) -> float:
    """sqrt(w T): the standard deviation of ln S_T that depth is counted in."""
    if not has_depth(problem):
        raise ValueError(f"depth out of the money is not defined for problem {problem.id}")
    return math.sqrt(_VARIANCE_RATE[problem.model](params) * params["T"])  # type: ignore[operator]


def forward_log_ratio(problem: Problem, params: Mapping[str, ParamValue]) -> float:
    """ln(F / S): the growth of the forward over the spot (rate r, less a proportional dividend)."""
    growth = params["r"] * params["T"]  # type: ignore[operator]
    if problem.model == "black-scholes-dividend":
        growth += math.log1p(-params["D"])  # type: ignore[operator,arg-type]
    return growth  # type: ignore[return-value]


def _log_normal_cdf(x: float) -> float:
    """ln Phi(x), also where Phi(x) underflows (the asymptotic series of the tail)."""
    if x > -30:
        return math.log(math.erfc(-x / math.sqrt(2)) / 2)  # erfc keeps the lower tail's digits, erf does not
    return -x * x / 2 - math.log(-x) - math.log(2 * math.pi) / 2 + math.log1p(-1 / x**2 + 3 / x**4)


def _log_normal_mass(low: float, high: float) -> float:
    """ln(Phi(high) - Phi(low)) for low < high, by the upper tail where that is the smaller side."""
    if low > 0:  # both above the mean: the same mass from the mirrored interval, without cancellation
        low, high = -high, -low
    upper, lower = _log_normal_cdf(high), _log_normal_cdf(low)
    return upper + math.log1p(-math.exp(lower - upper)) if lower < upper else -math.inf


def knock_out_call_depth(log_strike: float, log_barrier: float, drift: float, scale: float) -> float:
    """The depth of an up-and-out call from the probability that it pays.

    ``log_strike`` and ``log_barrier`` are ln(K / S) and ln(B / S), ``drift``
    the mean of ln(S_T / S) and ``scale`` its standard deviation. The
    probability that ln(S_T / S) ends in (k, b) with its maximum below b is
    the normal mass of (k, b) less that of (k - 2b, -b) weighted by
    exp(2 b drift / scale^2), the paths reflected at the barrier; both in
    logarithms, since the weight overflows where the reflected mass underflows.
    """
    if log_barrier <= 0 or log_strike >= log_barrier:
        return math.inf

    def log_mass(low: float, high: float) -> float:
        return _log_normal_mass((low - drift) / scale, (high - drift) / scale)

    direct = log_mass(log_strike, log_barrier)
    reflected = 2 * log_barrier * drift / scale**2 + log_mass(log_strike - 2 * log_barrier, -log_barrier)
    if not reflected < direct:  # the two masses cancel to below what doubles resolve: as deep as it gets
        return math.inf
    log_paying = direct + math.log1p(-math.exp(reflected - direct))
    if log_paying > -1e-15:  # pays on every path to double precision: the barrier is out of reach
        return (log_strike - drift) / scale - scale / 2
    if log_paying > math.log(1e-300):
        return -NormalDist().inv_cdf(math.exp(log_paying)) - scale / 2
    return math.sqrt(-2 * log_paying) - scale / 2  # Phi^-1 far in the tail, to the first order


def depths(problem: Problem, params: Mapping[str, ParamValue]) -> list[float]:
    """Depth out of the money of each evaluation point, in standard deviations of ln S_T."""
    scale = depth_scale(problem, params)
    growth = forward_log_ratio(problem, params)
    strike = float(params["K"])  # type: ignore[arg-type]
    if problem.barrier == "up-and-out":
        drift = growth - scale**2 / 2
        log_barrier = math.log(float(params["B"]))  # type: ignore[arg-type]
        return [knock_out_call_depth(math.log(strike) - math.log(float(spot)), log_barrier - math.log(float(spot)),
                                     drift, scale)
                for spot in params["S"]]  # type: ignore[union-attr]

    def depth(log_moneyness: float) -> float:
        if problem.output in ("gamma", "vega"):
            return abs(log_moneyness) / scale
        return (-log_moneyness if problem.payoff == "call" else log_moneyness) / scale

    out = []
    for spot in params["S"]:  # type: ignore[union-attr]
        spot_moneyness = math.log(float(spot)) - math.log(strike)  # type: ignore[arg-type]  # no quotient to underflow
        forward = depth(spot_moneyness + growth)
        out.append(min(forward, depth(spot_moneyness)) if problem.exercise == "american" else forward)
    return out


@dataclass(frozen=True)
class Domain:
    """A method's validated depth out of the money, per problem, at tolerances <= ``tol``."""

    tol: float = 0.0
    max_depth: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_json(cls, rec: Mapping[str, Any] | None) -> Domain:
        if not rec:
            return cls()
        return cls(tol=float(rec["tol"]), max_depth={k: float(v) for k, v in rec["max_sd_out_of_the_money"].items()})

    def to_json(self) -> dict[str, Any] | None:
        if not self.max_depth:
            return None
        return {"tol": self.tol, "max_sd_out_of_the_money": dict(self.max_depth)}

    def outside(self, method: str, problem: Problem, params: Mapping[str, ParamValue], tol: float) -> str | None:
        """Why these parameters lie outside the domain at ``tol``, or None when inside."""
        limit = self.max_depth.get(problem.id)
        if limit is None or tol > self.tol:
            return None
        deepest, spot = max(zip(depths(problem, params), params["S"]))  # type: ignore[arg-type]
        if deepest <= limit:
            return None
        return (f"outside {method}'s domain: S={float(spot):g} is {deepest:.2f} standard deviations out of "
                f"the money, and {method} is validated to {limit:g} on problem {problem.id} at tolerances "
                f"<= {self.tol:g}")
