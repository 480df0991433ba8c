package {{package}};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** When {{title}}'s health check warns; {@code mb:config {{name}}} shows and sets it. */
@ObjectClassDefinition(name = "{{title}} health check", description = "When the heap's headroom is too small")
public @interface {{Simple}}HealthConfig {

    @AttributeDefinition(name = "Minimum headroom (%)", description = "Warn when less of the maximum heap than this "
            + "is free", min = "0", max = "100")
    int minimumHeadroomPercent() default 10;
}
