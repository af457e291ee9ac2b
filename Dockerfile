# One image recipe for both services. Build the jars first (./mvnw -DskipTests install), then e.g.
#   docker build --build-arg SERVICE=command-side -t partnership-ledger/command-side .
FROM eclipse-temurin:17-jre
ARG SERVICE
# The ledger never phones home: Axon's update checker stays off in every image.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-Daxoniq.update-checker.disabled=true -XX:MaxRAMPercentage=75"
RUN useradd --system --uid 10001 ledger
COPY ${SERVICE}/target/${SERVICE}-exec.jar /app/service.jar
USER ledger
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
