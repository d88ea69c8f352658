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
the model's variance rate (for problem 3-II's implied surface, the implied
variance at the strike, which differs from spot to spot through the forward). An American option is worth at least its exercise
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


def _implied_surface_variance(params: Mapping[str, Any], spot: float) -> float:
    """Problem 3-II's implied variance at the strike, v(T, ln(K / F_T)), for one spot.

    The surface of benchop/common/implied_variance_surface.m (tests/test_domain.py
    checks that the two agree); each spot has its own, through its forward.
    """
    t = params["T"]
    x = math.log(params["K"] / spot) - params["r"] * t
    root_t, root_t4 = math.sqrt(t), math.sqrt(t + 0.04)
    rho_r, skew = 0.06 * (1 - 0.87 * root_t), 0.31 * (1 - 0.7 * root_t)
    d = x - (0.03 + 0.01 * t)
    q = 0.15 * (0.4 + 0.6 * root_t4)
    return 0.01 + 0.03 * root_t4 + (rho_r - skew) / 2 * d + (rho_r + skew) / 2 * math.sqrt(d * d + q * q)


# Models whose variance rate differs from one evaluation point to the next.
_SPOT_VARIANCE_RATE = {
    "local-vol-implied-surface": _implied_surface_variance,
}

_VARIANCE_RATE = {
    "black-scholes": lambda p: p["sigma"] ** 2,
    "black-scholes-dividend": lambda p: p["sigma"] ** 2,
    "heston": _heston_mean_variance,
    "merton": _merton_variance,
    "local-vol-parametric": _local_vol_parametric_variance,
}


def has_depth(problem: Problem) -> bool:
    """Whether depth out of the money is defined for ``problem`` (a strike and a variance rate)."""
    known = problem.model in _VARIANCE_RATE or problem.model in _SPOT_VARIANCE_RATE
    return known and problem.payoff in ("call", "put") and problem.point_dim == 1


def scale_depends_on_spot(problem: Problem) -> bool:
    """Whether each evaluation point has its own depth scale (so no single one to invert)."""
    return problem.model in _SPOT_VARIANCE_RATE


def depth_scales(problem: Problem, params: Mapping[str, ParamValue]) -> list[float]:
    """sqrt(w T) at each evaluation point: the standard deviation of ln S_T that its depth is counted in."""
    if not has_depth(problem):
        raise ValueError(f"depth out of the money is not defined for problem {problem.id}")
    spots = [float(s) for s in params["S"]]  # type: ignore[union-attr,arg-type]
    if scale_depends_on_spot(problem):
        rate = _SPOT_VARIANCE_RATE[problem.model]
        return [math.sqrt(rate(params, spot) * params["T"]) for spot in spots]  # type: ignore[operator]
    return [math.sqrt(_VARIANCE_RATE[problem.model](params) * params["T"])] * len(spots)  # type: ignore[operator]


def depth_scale(problem: Problem, params: Mapping[str, ParamValue]) -> float:
    """sqrt(w T) of a model whose variance rate is the same at every evaluation point."""
    if scale_depends_on_spot(problem):
        raise ValueError(f"problem {problem.id} has a depth scale per evaluation point (depth_scales)")
    return depth_scales(problem, {**params, "S": [1.0]})[0]  # any one spot: the rate does not depend on it


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
    scales = depth_scales(problem, params)
    growth = forward_log_ratio(problem, params)
    strike = float(params["K"])  # type: ignore[arg-type]
    if problem.barrier == "up-and-out":
        log_barrier = math.log(float(params["B"]))  # type: ignore[arg-type]
        return [knock_out_call_depth(math.log(strike) - math.log(float(spot)), log_barrier - math.log(float(spot)),
                                     growth - scale**2 / 2, scale)
                for spot, scale in zip(params["S"], scales)]  # type: ignore[call-overload]

    def depth(log_moneyness: float, scale: float) -> float:
        if problem.output in ("gamma", "vega"):
            return abs(log_moneyness) / scale
        return (-log_moneyness if problem.payoff == "call" else log_moneyness) / scale

    out = []
    for spot, scale in zip(params["S"], scales):  # type: ignore[call-overload]
        spot_moneyness = math.log(float(spot)) - math.log(strike)  # type: ignore[arg-type]  # no quotient to underflow
        forward = depth(spot_moneyness + growth, scale)
        out.append(min(forward, depth(spot_moneyness, scale)) if problem.exercise == "american" else forward)
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
