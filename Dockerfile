# storyplot headless, for batch renders and animations (docs/BATCH.md). The image is set up by the
# same script as any Debian 12 machine: ./setup.sh installs the Debian and npm packages and builds.
#   docker build -t storyplot .
#   docker run --rm -v "$PWD:/work" storyplot render /work/my.story.json -o /work/my.png
FROM debian:12
ENV DEBIAN_FRONTEND=noninteractive
WORKDIR /opt/storyplot
COPY . .
# setup.sh ends by running the program with its arguments: --help proves the build runs.
RUN ./setup.sh --help > /dev/null && rm -rf /var/lib/apt/lists/*
# The caches (meshes, labels, the reader's index) in one volume that many containers may share:
# concurrent first runs each write whole files and rename them into place.
ENV STORYPLOT_CACHE=/cache
VOLUME /cache
ENTRYPOINT ["/opt/storyplot/build/storyplot"]
CMD ["--help"]
