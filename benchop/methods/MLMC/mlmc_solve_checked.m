## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} mlmc_solve_checked (@var{p}, @var{level})
## The MLMC pricing (@pxref{mlmc_solve}) of a problem checked by
## @code{mlmc_check}: what @code{benchop_solve} times.  It checks nothing.
##
## @var{level} sets the relative root-mean-square error aimed at,
## @math{\epsilon = 2^{-(level + 13)/2}} (7.8e-3 at level 1, 4.9e-4 at
## level 9, the default), relative to the price at each evaluation point; the adaptive
## algorithm (@pxref{mlmc_adaptive}) chooses the levels and the samples.
## Each MLMC level draws from a stream of its own, seeded from a fixed seed
## inside the call; the caller's @code{randn} and @code{randp} states are
## restored.  The local volatility is tabulated in the call (on
## @math{\ln S} within 3 of the spot's, step 0.005, at each level's dates),
## one table for 3-I's spots together and one per spot for 3-II, whose
## volatility depends on the spot.  The work bound is @math{2^{level+16}}
## nominal steps, times @math{M_0/4} where level 0 takes @math{M_0 > 4}
## steps.
##
## @var{info} has the fields of @code{mlmc_adaptive}'s @var{out} (levels,
## @code{N}, @code{V}, @code{C}, @code{mean}, @code{alpha}, @code{beta},
## @code{gamma}, @code{bias}, @code{stderr} shaped as @var{U},
## @code{converged}, @code{capped}: the work bound stopped the run, far
## out of the money) and @code{eps}, @code{seed}, @code{paths} (samples
## over all levels), @code{steps} (the fine steps of the finest level) and
## @code{scheme}.
## @end deftypefn

function [U, info] = mlmc_solve_checked (p, level)
  seed = 2008;
  eps = 2 ^ (-(level + 13) / 2);
  N0 = 1000;
  Lmin = 2;
  Lmax = 10;
  schemes = {"Milstein on S, exact terminal Black-Scholes payoff", ...
             "Milstein on S, the dividend a proportional factor", ...
             "Milstein on ln S (tabulated local volatility), last step a Black formula", ...
             "Milstein on ln S (tabulated local volatility per spot), last step a Black formula", ...
             "Milstein for the variance, the price a Black formula given the variance path", ...
             "Milstein on S, exact compound Poisson jump factor", ...
             "Milstein per asset (commuting noise)"};
  scheme = schemes{p.kind};
  if (p.kind == 1 && isfinite (p.B))
    scheme = "Milstein on S, Brownian-bridge barrier in ln S (coarse midpoint from the bridge)";
  elseif (p.kind == 1 && p.greek > 0)
    scheme = ["Milstein on S, pathwise ", {"delta", "", "vega"}{p.greek}];
  endif
  ## level 0: one step where the coupling works from the start; Heston
  ## steps of at most 1/8 year, the implied-surface local volatility steps
  ## of at most 1/32 year, short beside the scale of its smile (coarser
  ## ones made the first corrections' variance the largest: measured
  ## tenfold for Heston; on 3-II the corrections from 4 to 8 and 8 to 16
  ## steps had 30 and 6 times the variance of level 0's batches)
  p.M0 = 1;
  if (p.kind == 5)
    p.M0 = 2 ^ max (0, ceil (log2 (8 * p.T) - 1e-9));
  elseif (p.kind == 4)
    p.M0 = 2 ^ max (0, ceil (log2 (32 * p.T) - 1e-9));
  endif
  ## the most a run may cost (samples times nominal steps), doubling with
  ## the level: 2^25 at the default level 9 for a model whose level 0
  ## takes at most 4 steps, proportionally more for one whose level 0 takes
  ## more (3-II's 16); the defaults of the listed problems need at most
  ## half of it
  work = 2 ^ (level + 16) * max (1, p.M0 / 4);
  ## a barrier's first corrections are not yet in their asymptotic decay:
  ## on one set (T 1.65, sigma 0.22, K 0.88 S, B 1.15 S) they fell 20-fold
  ## from level 1 to 2 and then 1.5-fold, and a run fitting its bias on
  ## levels 1 and 2 stopped 2.4e-3 off; from level 4 on they decay steadily
  if (p.kind == 1 && isfinite (p.B))
    Lmin = 4;
  endif
  if (p.kind == 3 || p.kind == 4)
    Lmax = 12;
    hx = 0.005;
    nx = 1201;
    if (p.kind == 3)
      groups = {1:numel(p.S)};
      volfuns = {@local_vol_parametric};
    else
      groups = num2cell (1:numel (p.S));
      volfuns = arrayfun (@(x) @(s, t) local_vol_surface (s, t, x, p.r), p.S,
                          "uniformoutput", false);
    endif
    lv = struct ("volfun", volfuns, "x0", 0, "hx", hx, "nx", nx, "cols", groups,
                 "tab", {{}});
    for g = 1:numel (lv)
      lv(g).x0 = mean (log (p.S(lv(g).cols))) - (nx - 1) / 2 * hx;
    endfor
    p.lv = lv;
  elseif (p.kind == 5)
    Lmax = 12;
  endif
  old_rand = rand ("state");
  old_randn = randn ("state");
  old_randp = randp ("state");
  unwind_protect
    [U, out] = mlmc_adaptive (p, eps, N0, Lmin, Lmax, seed, work);
  unwind_protect_cleanup
    rand ("state", old_rand);
    randn ("state", old_randn);
    randp ("state", old_randp);
  end_unwind_protect
  U = reshape (U, p.shape);
  info = rmfield (out, "model");
  info.stderr = reshape (info.stderr, p.shape);
  info.eps = eps;
  info.seed = seed;
  info.paths = 64 * out.N(1) + sum (out.N(2:end));
  info.steps = p.M0 * 2 ^ out.levels(end);
  info.scheme = scheme;
endfunction

%!test
%! ## the same numbers as mlmc_solve; the caller's streams are restored
%! for c = {{"1c-II", 1}, {"3-I", 1}, {"5", 1}}
%!   [id, lev] = c{1}{:};
%!   problem = benchop_problem (id);
%!   rand ("state", 3);  randn ("state", 1);  randp ("state", 2);
%!   a = [rand(), randn(), randp(3)];
%!   rand ("state", 3);  randn ("state", 1);  randp ("state", 2);
%!   [U1, i1] = mlmc_solve_checked (mlmc_check (problem, lev), lev);
%!   assert ([rand(), randn(), randp(3)], a);
%!   [U2, i2] = mlmc_solve (problem, lev);
%!   assert (isequal (U1, U2) && isequal (i1, i2), id);
%! endfor
