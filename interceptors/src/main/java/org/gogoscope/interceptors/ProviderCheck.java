package org.gogoscope.interceptors;

import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link GogoscopeInterceptorsExtension#checkProviders} for {@link GogoscopeInterceptorsBuildExtension}: at
 * {@code Startup}, every store an annotation uses must have a provider bean; all missing ones fail the start in one
 * exception. Public because the container instantiates it from generated code.
 */
public final class ProviderCheck implements SyntheticObserver<Startup> {

    static final String NEEDED = "needed";

    @Override
    public void observe(EventContext<Startup> event, Parameters params) throws ClassNotFoundException {
        List<DeploymentException> problems = new ArrayList<>();
        for (String need : params.get(NEEDED, String[].class)) {
            String[] fields = need.split(MethodChecks.SEPARATOR, 3);
            Class<?> provider = Class.forName(fields[0], false, ProviderCheck.class.getClassLoader());
            if (CDI.current().select(provider, Providers.qualifier(fields[1])).isUnsatisfied()) {
                problems.add(GogoscopeInterceptorsExtension.noProvider(provider, fields[1], fields[2]));
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            DeploymentException all = new DeploymentException(String.join("\n",
                    problems.stream().map(Throwable::getMessage).toList()));
            problems.forEach(all::addSuppressed);
            throw all;
        }
    }
}
