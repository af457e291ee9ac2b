# One image recipe for both services. Build the jars first (./mvnw -DskipTests install), then e.g.
#   docker build --build-arg SERVICE=command-side -t partnership-ledger/command-side .
FROM eclipse-temurin:17-jre
ARG SERVICE
# The ledger never phones home: Axon's update checker stays off in every image.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-Daxoniq.update-checker.disabled=true -XX:MaxRAMPercentage=75"
# The data directory holds the keys a service generates when none is configured (the audit signing key, the key
# that seals webhook secrets): writable by the service, and a volume in docker-compose.yml so that it outlives the
# container. In production, configure LEDGER_AUDIT_SIGNING_KEY and LEDGER_WEBHOOKS_SECRET_KEY instead.
RUN useradd --system --uid 10001 ledger && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
ENV LEDGER_DATA_DIR=/var/lib/ledger
WORKDIR /var/lib/ledger
COPY ${SERVICE}/target/${SERVICE}-exec.jar /app/service.jar
USER ledger
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
