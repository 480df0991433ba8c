# syntax=docker/dockerfile:1
# The MilkBottle runtime as a container image (docs/deployment.md):
#   docker build -t milkbottle .
#   docker run -d --name milkbottle -p 127.0.0.1:8180:8180 -v milkbottle-data:/var/lib/milkbottle milkbottle
#   docker exec milkbottle /opt/milkbottle/bin/milkbottle --attach -c "mb:list"
# The image runs the distribution's own bin/milkbottle (the one DistributionIT starts), as a user of its own.

# --- build: the distribution, with Maven, from this source tree (tests are run by .ci/run, not here)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q -DskipTests -Djacoco.skip=true install -pl launcher -am \
 && mkdir /dist \
 && tar -xzf launcher/target/milkbottle-*.tar.gz -C /dist --strip-components=1

# --- run: a JRE, the distribution in /opt/milkbottle, data in the volume /var/lib/milkbottle
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/milkbottle --shell /usr/sbin/nologin milkbottle \
 && mkdir -p /var/lib/milkbottle/data/milkbottle/marketplace \
 && chown -R milkbottle:milkbottle /var/lib/milkbottle
COPY --from=build /dist /opt/milkbottle
# the web server on every interface of the container (publish the port on the host's loopback, or put a TLS reverse
# proxy in front: compose.yaml), in the image's conf/ so that MILKBOTTLE_OPTS stays free for the operator's options
RUN sed -i 's/^org.apache.felix.http.host=127.0.0.1$/org.apache.felix.http.host=0.0.0.0/' \
        /opt/milkbottle/conf/milkbottle.properties \
 && grep -q '^org.apache.felix.http.host=0.0.0.0$' /opt/milkbottle/conf/milkbottle.properties
# data, deploy folder, logs and backups under the volume
ENV MILKBOTTLE_HOME=/var/lib/milkbottle
USER milkbottle
WORKDIR /var/lib/milkbottle
VOLUME /var/lib/milkbottle
# the marketplace's web page and API, the OSGi repository index, /health, /metrics
EXPOSE 8180
# SIGTERM stops the plugins cleanly; the JVM then exits with 143
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8180/health/ready || exit 1
ENTRYPOINT ["/opt/milkbottle/bin/milkbottle"]
CMD ["--headless"]
