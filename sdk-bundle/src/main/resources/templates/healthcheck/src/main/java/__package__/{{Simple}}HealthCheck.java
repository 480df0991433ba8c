package {{package}};

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A Felix health check, run by {@code mb:health} (and by anything else that runs Felix health checks): OK while
 * enough of the heap is free, WARN below the configured headroom. The name and tags are how it is found.
 */
@Component(configurationPid = "{{name}}",
        property = {HealthCheck.NAME + "={{title}} heap headroom", HealthCheck.TAGS + "={{scope}}"})
@Designate(ocd = {{Simple}}HealthConfig.class)
public class {{Simple}}HealthCheck implements HealthCheck {

    private volatile int minimumPercent;

    @Activate
    @Modified
    void configure({{Simple}}HealthConfig config) {
        minimumPercent = config.minimumHeadroomPercent();
    }

    @Override
    public Result execute() {
        Headroom headroom = Headroom.now();
        String message = headroom.freePercent() + "% of the maximum heap is free (at least " + minimumPercent
                + "% wanted)";
        return new Result(headroom.enough(minimumPercent) ? Result.Status.OK : Result.Status.WARN, message);
    }
}
