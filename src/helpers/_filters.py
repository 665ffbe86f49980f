"""Array kernels behind :mod:`helpers.load`, kept out of the way of the models' definitions.

Every function here computes what a short formula says, on many athletes at once. Their readable
definitions (and the tests' oracles) are:

- :func:`linear_filters`: ``y[t] = keep * y[t-1] + gain * u[t]``, as a loop over days;
- :func:`recursive`: pandas ``Series.ewm(alpha=k, adjust=False).mean()`` per athlete;
- :func:`impulses`: Banister's ``g[t] = sum(L[s] * exp(-(t - s) / tau) for s < t)``;
- :func:`rolling_ratio`: ``rolling(acute).mean() / rolling(chronic).mean()`` per athlete;
- :func:`weekly_load_and_monotony`: ``week.sum()`` and ``week.mean() / week.std(ddof=0)`` per
  block of 7 days;
- :func:`finite_within`: ``np.all(np.isfinite(x) & (low <= x) & (x <= high))``.

They are written for the 1,000 athletes × 5 years of ``make bench``: no Python step per day
(the recursive filters step per block of days, each block a small matrix product), as few
full-size temporaries as possible, and results written in place. Arrays hold days on the last
axis (athletes × days). Only numpy (its matrix products run in the BLAS library it ships with).
"""

from __future__ import annotations

import numpy as np

#: Days per block of the recursive filters (see :func:`linear_filters`).
BLOCK_DAYS = 32
#: OpenBLAS runs a matrix product with m·n·k at most this in one thread; larger ones are split
#: across threads, which on a busy shared machine wait for each other and cost more CPU time.
_ONE_THREAD_MNK = 65_536 * 4
#: Bytes of rows (athletes) a kernel handles at once, so its temporaries stay in the L2 cache.
CHUNK_BYTES = 256 * 1024


def _matmul_by_rows(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``a @ b`` into ``out``, a few hundred rows of ``a`` at a time (one thread, in cache)."""
    rows = max(1, _ONE_THREAD_MNK // (b.shape[0] * b.shape[1]))
    for i in range(0, a.shape[0], rows):
        np.matmul(a[i : i + rows], b, out=out[i : i + rows])
    return out


def _block_matrix(gain: float, keep: float, block: int, filters: int, which: int) -> np.ndarray:
    """(block + filters) × block matrix M of one filter: [u_0 … u_{B−1}, carries] @ M = y.

    M[s, i] = gain·keep^(i−s) for s ≤ i (0 above), and row ``block + which`` holds keep^(i+1),
    the weight of the previous block's last value y_{−1}; the other carries' rows are 0.
    """
    lag = np.subtract.outer(np.arange(block), np.arange(block))  # [s, i] = s − i
    matrix = np.zeros((block + filters, block))
    matrix[:block] = np.where(lag <= 0, gain * np.power(keep, np.maximum(-lag, 0.0)), 0.0)
    matrix[block + which] = np.power(keep, np.arange(1.0, block + 1.0))
    return matrix


def linear_filters(arr: np.ndarray, filters: list, start, combine: str | None = None) -> list:
    """y_t = keep·y_{t−1} + gain·u_t for each (gain, keep) in ``filters``, along the last axis.

    From y_{−1} = ``start`` (a number, or one value per series and filter: shape
    (series, filters)). Returns one array shaped like ``arr`` per filter. For two filters,
    ``combine="ratio"`` returns only their :func:`ratio` y⁰_t ÷ y¹_t, and
    ``combine="lagged_difference"`` adds d_t = y⁰_{t−1} − y¹_{t−1} (from the starts at t = 0),
    each computed as its block is done, while it is in the CPU's cache.

    The days are cut into blocks of B = :data:`BLOCK_DAYS`. Unrolled inside block j,

        y_{jB+i} = Σ_{s≤i} gain·keep^(i−s)·u_{jB+s} + keep^(i+1)·y_{jB−1},

    a matrix product of the block's loads and its carry y_{jB−1} with :func:`_block_matrix`.
    The carries come first, one Python step per block (not per day) for all series at once:
    y_{jB+B−1} = keep^B·y_{jB−1} + (the block's own end value, the same product's last column
    with carry 0). For loads ≥ 0 every term is ≥ 0, so the sums lose no precision (relative
    error ~B·eps) and nothing grows: all weights are ≤ max(gain, 1).
    """
    n, series = arr.shape[-1], int(np.prod(arr.shape[:-1], dtype=int))
    count, block = len(filters), min(BLOCK_DAYS, n)
    blocks, whole, width = -(-n // block), n // block, block + count
    days = arr.reshape(series, n)
    matrices = [_block_matrix(g, k, block, count, f) for f, (g, k) in enumerate(filters)]
    ends = np.stack([m[:, -1] for m in matrices], axis=1)
    ends[block:] = 0.0  # each block's end value from its own loads only
    # athletes a chunk at a time through one reused buffer: loads by block, then the carries
    chunks = row_chunks(series, 8 * blocks * width, 4 * CHUNK_BYTES)
    buffer = np.zeros((chunks[0].stop, blocks, width))

    def blocks_of(rows: slice) -> np.ndarray:
        part = buffer[: rows.stop - rows.start]
        part[:, :whole, :block] = days[rows, : whole * block].reshape(-1, whole, block)
        if whole < blocks:
            part[:, whole, : n - whole * block] = days[rows, whole * block :]
        return part

    own_end = np.empty((series, blocks, count))
    for rows in chunks:
        _matmul_by_rows(blocks_of(rows).reshape(-1, width), ends, own_end[rows].reshape(-1, count))
    own_end = np.ascontiguousarray(own_end.transpose(1, 0, 2))
    carries = np.empty_like(own_end)  # [j] = y just before block j (blocks × series × filters)
    carries[0] = start
    decay = np.array([k for _, k in filters]) ** block
    for j in range(1, blocks):
        np.multiply(carries[j - 1], decay, out=carries[j])
        carries[j] += own_end[j - 1]
    step = max(1, _ONE_THREAD_MNK // (block * width))  # rows per product: one thread, in cache
    outputs = {None: count, "ratio": 1, "lagged_difference": 3}[combine]
    ys = [np.empty((series * blocks, block)) for _ in range(outputs)]
    spare = np.empty((step, block))
    for rows in chunks:
        part = blocks_of(rows)
        part[:, :, block:] = carries[:, rows].transpose(1, 0, 2)
        flat = part.reshape(-1, width)
        for i in range(0, len(flat), step):
            piece = flat[i : i + step]
            at = slice(rows.start * blocks + i, rows.start * blocks + i + len(piece))
            if combine == "ratio":
                denominator = np.matmul(piece, matrices[1], out=spare[: len(piece)])
                ratio(np.matmul(piece, matrices[0], out=ys[0][at]), denominator)
                continue
            for y, matrix in zip(ys, matrices, strict=False):
                np.matmul(piece, matrix, out=y[at])
            if combine == "lagged_difference":  # the day before day 0 of a block: its carry
                first, second, difference = (y[at] for y in ys)
                np.subtract(piece[:, block], piece[:, block + 1], out=difference[:, 0])
                np.subtract(first[:, :-1], second[:, :-1], out=difference[:, 1:])
    return [y.reshape(series, blocks * block)[:, :n].reshape(arr.shape) for y in ys]


def recursive(
    arr: np.ndarray, weights: tuple, seed_first: bool = False, combine: str | None = None
) -> list:
    """x_t = x_{t−1} + k (L_t − x_{t−1}) for each k in ``weights``, over the last axis of ``arr``.

    From x_{−1} = 0, or with ``seed_first`` from x_0 = L_0 (the same as x_{−1} = L_0).
    As x_t = (1 − k) x_{t−1} + k L_t, this is :func:`linear_filters` with gain k, keep 1 − k.
    Returns one array shaped like ``arr`` per weight (``combine`` as in :func:`linear_filters`).
    """
    start = 0.0
    if seed_first:
        start = np.repeat(arr.reshape(-1, arr.shape[-1])[:, :1], len(weights), axis=1)
    return linear_filters(arr, [(k, 1.0 - k) for k in weights], start, combine)


def impulses(arr: np.ndarray, taus: tuple) -> list:
    """g_t = Σ_{s<t} L_s e^{−(t−s)/τ} for each τ in ``taus``, over the last axis; g_0 = 0.

    With d = e^{−1/τ}, y = :func:`linear_filters` (gain d, keep d) is y_t = Σ_{s≤t} d^{t−s+1} L_s,
    so g_t = y_{t−1}.
    """
    decays = [float(np.exp(-1.0 / tau)) for tau in taus]
    out = []
    for y in linear_filters(arr, [(d, d) for d in decays], 0.0):
        g = np.zeros(arr.shape)
        g[..., 1:] = y[..., :-1]
        out.append(g)
    return out


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator ÷ denominator, NaN where the denominator is 0 (or NaN), computed in place in
    ``numerator`` (callers pass an array of their own) and returned."""
    with np.errstate(divide="ignore", invalid="ignore"):  # x/0 is set to NaN below; x/NaN is NaN
        np.divide(numerator, denominator, out=numerator)
    numerator[denominator <= 0] = np.nan
    return numerator


def row_chunks(rows: int, row_bytes: int, budget: int | None = None) -> list:
    """Slices of at most ``budget`` (default :data:`CHUNK_BYTES`) bytes of rows, ≥ 1 row each."""
    step = max(1, (budget or CHUNK_BYTES) // max(row_bytes, 1))
    return [slice(i, min(i + step, rows)) for i in range(0, rows, step)]


def rolling_ratio(arr: np.ndarray, acute: int, chronic: int, lag: int = 0) -> np.ndarray:
    """Mean load of the last ``acute`` days ÷ mean load of the ``chronic`` days ending ``lag``
    days before, along the last axis; NaN until the chronic window is full and where it is 0.

    Window sums are differences of one cumulative sum, csum[t+1] − csum[t+1−w], taken as
    slices (no copies); the ratio of means is the ratio of sums × chronic/acute. Athletes are
    taken a few dozen at a time, so the cumulative sum and the sums stay in the CPU's cache.
    """
    n = arr.shape[-1]
    days = arr.reshape(-1, n)
    out = np.empty(days.shape)
    first = chronic + lag - 1  # the first day with a full chronic window
    out[:, : min(first, n)] = np.nan
    if first >= n:
        return out.reshape(arr.shape)
    chunks = row_chunks(days.shape[0], 8 * n)
    csum = np.zeros((chunks[0].stop, n + 1))  # reused by every chunk
    chronic_sums = np.empty((chunks[0].stop, n - first))
    for rows in chunks:
        part, size = csum[: rows.stop - rows.start], rows.stop - rows.start
        np.cumsum(days[rows], axis=-1, out=part[:, 1:])
        sums = out[rows, first:]
        np.subtract(part[:, first + 1 :], part[:, first + 1 - acute : n + 1 - acute], out=sums)
        end = part[:, first + 1 - lag : n + 1 - lag]
        start = part[:, first + 1 - lag - chronic : n + 1 - lag - chronic]
        sums *= chronic / acute
        ratio(sums, np.subtract(end, start, out=chronic_sums[:size]))
    return out.reshape(arr.shape)


def weekly_load_and_monotony(weeks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum and mean ÷ population SD over the last axis (7 days); the SD in two passes.

    Weeks are taken some 70,000 at a time; their 7 days are copied to 7 contiguous rows (one
    per weekday), so each step below works on one contiguous value per week: about twice as fast
    as reducing a last axis of 7, and the copy stays in the CPU's cache (L3).
    """
    per_week = weeks.reshape(-1, weeks.shape[-1])
    total, monotony = np.empty(len(per_week)), np.empty(len(per_week))
    # 16 × CHUNK_BYTES of weeks at a time (each step's overhead is per chunk; measured best)
    for rows in row_chunks(len(per_week), 8 * per_week.shape[1], 16 * CHUNK_BYTES):
        days = np.ascontiguousarray(per_week[rows].T)
        np.sum(days, axis=0, out=total[rows])
        mean = np.divide(total[rows], len(days), out=monotony[rows])
        squares, step = np.zeros_like(mean), np.empty_like(mean)
        for day in days:
            np.subtract(day, mean, out=step)
            step *= step
            squares += step
        squares /= len(days)
        ratio(mean, np.sqrt(squares, out=squares))
    return total.reshape(weeks.shape[:-1]), monotony.reshape(weeks.shape[:-1])


def finite_within(values: np.ndarray, low: float = 0.0, high: float = np.inf) -> bool:
    """True when every value is finite and within [low, high] (NaN fails): the least and the
    greatest value of each cache-sized piece, so memory is read once for both."""
    flat = values.reshape(-1)
    for piece in row_chunks(flat.size, 8):
        least, greatest = flat[piece].min(), flat[piece].max()
        if not (least >= low and greatest <= high and greatest < np.inf):
            return False
    return True
