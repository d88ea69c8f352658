## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{out}] =} mlmc_adaptive (@var{model}, @var{eps}, @var{N0}, @var{Lmin}, @var{Lmax}, @var{seed}, @var{work})
## Giles' adaptive multilevel Monte Carlo algorithm (Giles 2008, sec. 5;
## Giles 2015, sec. 2.5 and its algorithm), with a target relative to the
## price at each evaluation point.
##
## Level @math{l} (0 to @math{L}) draws samples of the correction
## @math{Y_l = P_l - P_{l-1}} (@pxref{mlmc_level}); @var{U} is the sum of
## the levels' means, one value per point.  With @math{V_l}, @math{C_l} a
## level's variance and cost per sample, both relative to the square of the
## current price estimate, the samples per level are
## @math{N_l = \lceil 2\, \epsilon^{-2} \sqrt{V_l / C_l} \sum_k \sqrt{V_k C_k} \rceil},
## which makes the estimator's variance @math{\epsilon^2/2} at the least
## cost; the largest over the points is drawn.  Once no level needs more
## than 1 % more samples, the bias is estimated from the last three levels'
## mean corrections extrapolated with the fitted weak order @math{\alpha},
## @math{\max_i |m_{L-i}| 2^{-i\alpha} / (2^\alpha - 1)}; while it exceeds
## @math{\epsilon / \sqrt 2} a level is added (its variance first guessed
## as @math{V_L 2^{-\beta}}).  @math{\alpha}, @math{\beta} are fitted on
## levels 1 to @math{L} (at least 0.5 in the formulas); means and variances
## of levels 2 and up are kept at least at half the value extrapolated from
## the level below, as Giles does, so that a level with a correction near
## zero by chance does not stop the refinement.
##
## @var{eps} is the relative root-mean-square error aimed at, @var{N0} the
## samples of a new level, @var{Lmin} and @var{Lmax} the first and the
## largest finest level, @var{work} the most the run may cost,
## @math{\sum_l N_l C_l}: where the optimal samples would cost more (far
## out of the money the relative variance grows without bound) they are
## scaled down to it, and the run ends there, not converged, its error
## larger than @var{eps}.  Each level's samples come from a stream of its
## own, seeded with @code{@var{seed} + l} (@code{rand}, @code{randn} and
## @code{randp}),
## so a level's samples do not depend on what the others drew; the caller
## restores its own streams.  A sample of level 0 is a stratified batch of
## 64 paths (@pxref{mlmc_level}); @var{N0}/4 batches start it.  The cost per
## sample is the nominal number of steps, @math{C_0 = 64 M_0},
## @math{C_l = M_0 (2^l + 2^{l-1})} (@code{@var{model}.M0} the steps of
## level 0), so that the sample counts, and the result, are reproducible.
##
## @var{out} has fields @code{levels} (0 to @math{L}), @code{N} (samples per
## level), @code{mean} and @code{V} (each level's mean correction and
## per-sample variance, one row per level and a column per point),
## @code{C}, @code{alpha}, @code{beta}, @code{gamma} (the fitted rates of the
## relative mean corrections, variances and costs), @code{bias} (the
## estimated relative bias), @code{stderr} (per point), @code{converged}
## (false if @var{Lmax} or the work bound stopped the refinement),
## @code{capped} (true if the work bound did) and @code{model} (with any
## tables built).
## @end deftypefn

function [U, out] = mlmc_adaptive (model, eps, N0, Lmin, Lmax, seed, work)
  if (nargin != 7)
    print_usage ();
  endif
  n = prod (model.shape);
  L = Lmin;
  Nl = zeros (1, L + 1);
  A = zeros (5, n, L + 1);
  dN = N0 * ones (1, L + 1);
  ## level 0's samples are stratified batches of B paths (mlmc_level)
  B = 64;
  dN(1) = ceil (N0 / 4);
  su = {};
  sn = {};
  sp = {};
  converged = true;
  capped = false;
  bias = NaN;
  while (true)
    for l = 0:L
      if (dN(l+1) > 0)
        if (numel (sn) <= l || isempty (sn{l+1}))
          rand ("state", seed + l);
          randn ("state", seed + l);
          randp ("state", seed + l);
        else
          rand ("state", su{l+1});
          randn ("state", sn{l+1});
          randp ("state", sp{l+1});
        endif
        [a, model] = mlmc_level (model, l, dN(l+1), B);
        su{l+1} = rand ("state");
        sn{l+1} = randn ("state");
        sp{l+1} = randp ("state");
        A(:,:,l+1) += a;
        Nl(l+1) += dN(l+1);
      endif
    endfor
    [mu, V] = mlmc_adaptive_moments (A, Nl);
    U = sum (mu, 1);
    [mr, vr, alpha, beta] = mlmc_adaptive_relative (mu, V, U);
    C = model.M0 * [B, 1.5 * 2 .^ (1:L)];
    Ns = mlmc_adaptive_samples (vr, C, eps);
    if (capped)
      break;
    elseif (Ns * C.' > work)
      ## the work bound: the optimal proportions, scaled down to it
      Ns = max (Nl, floor (Ns * work / (Ns * C.')));
      capped = true;
    endif
    dN = max (0, Ns - Nl);
    if (capped)
      continue;
    elseif (all (dN <= 0.01 * Nl))
      dN(:) = 0;
      i = 0:2;
      bias = max ([0, max(mr(L+1-i,:) .* 2 .^ (-alpha * i(:)), [], 1)]) / (2 ^ alpha - 1);
      if (bias <= eps / sqrt (2))
        break;
      elseif (L == Lmax)
        converged = false;
        break;
      endif
      ## a new level, its variance guessed from the fitted decay
      L += 1;
      Nl(L+1) = 0;
      A(:,:,L+1) = 0;
      vr(L+1,:) = vr(L,:) / 2 ^ beta;
      C(L+1) = model.M0 * 1.5 * 2 ^ L;
      Ns = mlmc_adaptive_samples (vr, C, eps);
      dN = max (0, Ns - Nl);
      dN(L+1) = max (dN(L+1), ceil (N0 / 4));
    endif
  endwhile
  levels = 0:L;
  C = model.M0 * [B, 1.5 * 2 .^ (1:L)];
  [~, ~, alpha_fit, beta_fit] = mlmc_adaptive_relative (mu, V, U, false);
  out = struct ("levels", levels, "N", Nl, "mean", mu, "V", V, "C", C,
                "alpha", alpha_fit, "beta", beta_fit,
                "gamma", -mlmc_fit_rate (levels(2:end), C(2:end)),
                "bias", bias, "stderr", sqrt (sum (V ./ Nl(:), 1)),
                "converged", converged && ! capped, "capped", capped,
                "model", model);
endfunction

## Each level's mean and variance (with its control variate).
function [mu, V] = mlmc_adaptive_moments (A, Nl)
  L1 = numel (Nl);
  mu = zeros (L1, columns (A));
  V = mu;
  for l = 1:L1
    [mu(l,:), V(l,:)] = mlmc_moments (A(:,:,l), Nl(l));
  endfor
endfunction

## Means and variances relative to the price (points priced 0 drop out),
## the fitted rates, and (unless FIX is false) Giles' floor on levels >= 2.
function [mr, vr, alpha, beta] = mlmc_adaptive_relative (mu, V, U, fix)
  scale = abs (U);
  scale(scale == 0) = Inf;
  mr = abs (mu) ./ scale;
  vr = V ./ scale .^ 2;
  l = (1:rows (mu) - 1).';
  alpha = mlmc_fit_rate (l, max (mr(2:end,:), [], 2));
  beta = mlmc_fit_rate (l, max (vr(2:end,:), [], 2));
  if (nargin > 3 && ! fix)
    return;
  endif
  alpha = max (alpha, 0.5);
  beta = max (beta, 0.5);
  if (isnan (alpha))
    alpha = 1;
  endif
  if (isnan (beta))
    beta = 1;
  endif
  for k = 3:rows (mu)
    mr(k,:) = max (mr(k,:), 0.5 * mr(k-1,:) / 2 ^ alpha);
    vr(k,:) = max (vr(k,:), 0.5 * vr(k-1,:) / 2 ^ beta);
  endfor
endfunction

## The optimal samples per level, the largest over the points.
function Ns = mlmc_adaptive_samples (vr, C, eps)
  C = C(:);
  Ns = ceil (max (2 / eps ^ 2 * sqrt (vr ./ C) .* sum (sqrt (vr .* C), 1), [], 2)).';
endfunction

%!test
%! ## Black-Scholes call: within the aimed error of the closed form; the
%! ## corrections' variances fall with the level
%! p = mlmc_check (benchop_problem ("1a-I"), 1);
%! p.M0 = 1;
%! [U, out] = mlmc_adaptive (p, 2e-3, 1000, 2, 8, 1, Inf);
%! V = bs_european ("call", "price", p.S, p.K, p.T, p.r, p.sigma);
%! assert (U, V, -8e-3);
%! assert (out.converged);
%! assert (out.beta > 1);
%! assert (numel (out.N), numel (out.levels));
%! assert (out.N(2) > out.N(3) && out.N(3) > out.N(4));
%!test
%! ## reproducible, and the caller's state is not this function's business
%! p = mlmc_check (benchop_problem ("1a-II"), 1);
%! p.M0 = 1;
%! [U1, o1] = mlmc_adaptive (p, 1e-2, 500, 2, 6, 3, Inf);
%! randn ("state", 42);
%! [U2, o2] = mlmc_adaptive (p, 1e-2, 500, 2, 6, 3, Inf);
%! assert (isequal (U1, U2) && isequal (o1.N, o2.N));
%!test
%! ## the work bound: far out of the money the run stops at it
%! p = mlmc_check (benchop_problem ("1a-I", "S", 85, "T", 0.25), 1);
%! p.M0 = 1;
%! [U, out] = mlmc_adaptive (p, 1e-3, 1000, 2, 8, 1, 2e6);
%! assert (out.capped && ! out.converged);
%! assert (out.N * out.C.', 2e6, 0.02 * 2e6);
%!error mlmc_adaptive (1, 2, 3, 4, 5, 6)
