package org.gogoscope.interceptors.tck;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;

/**
 * Arquillian wiring for the TCK on embedded Weld: every deployment is a bean archive, and Weld's
 * {@code DefinitionException} is unwrapped to the definition error our extension reported.
 */
public class TckArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, BeanArchive.class);
        builder.service(DeploymentExceptionTransformer.class, UnwrapDefinitionError.class);
    }

    public static class BeanArchive implements ApplicationArchiveProcessor {
        @Override
        public void process(Archive<?> archive, org.jboss.arquillian.test.spi.TestClass testClass) {
            if (!archive.contains("META-INF/beans.xml")) {
                archive.add(EmptyAsset.INSTANCE, "META-INF/beans.xml");
            }
        }
    }

    public static class UnwrapDefinitionError implements DeploymentExceptionTransformer {
        @Override
        public Throwable transform(Throwable exception) {
            if (exception instanceof org.jboss.weld.exceptions.DefinitionException
                    && exception.getSuppressed().length == 1) {
                return exception.getSuppressed()[0];
            }
            return null;
        }
    }
}
