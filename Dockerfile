# The one benchop image: GNU Octave, the benchop Octave library and the
# benchop_dask package. It runs as the Dask scheduler, a Dask worker or the
# service, chosen by its command (see roles/dask_scheduler, roles/dask_worker
# and roles/benchop_service).
#
#   docker build -t benchop:latest .
#
# Behind a proxy that re-signs TLS, give pip the proxy's CA bundle for the
# install step only (it is not kept in the image):
#   docker build --secret id=pip-ca,src=/etc/ssl/certs/ca-certificates.crt -t benchop:latest .
ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim
FROM ${BASE_IMAGE}

ENV DEBIAN_FRONTEND=noninteractive \
    LANG=C.UTF-8 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/benchop/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

RUN apt-get update \
    && apt-get install -y --no-install-recommends octave bubblewrap python3 python3-venv ca-certificates tini \
    && rm -rf /var/lib/apt/lists/* \
    && python3 -m venv /opt/benchop \
    && useradd --system --uid 10001 --create-home --home-dir /home/benchop --shell /usr/sbin/nologin benchop \
    && install -d -o benchop -g benchop /home/benchop/.local/share/benchop

COPY pyproject.toml README.md /src/
COPY benchop /src/benchop
COPY benchop_dask /src/benchop_dask
RUN --mount=type=secret,id=pip-ca \
    if [ -s /run/secrets/pip-ca ]; then export PIP_CERT=/run/secrets/pip-ca; fi \
    && pip install --no-cache-dir /src \
    && rm -rf /src \
    && benchop methods >/dev/null

USER benchop
WORKDIR /home/benchop
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["benchop", "--help"]
