package org.gogoscope.it.liberty;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gogoscope.it.common.CycleWork;

/**
 * The application {@link RedeployIT} deploys and undeploys again and again: {@code POST /exercise} runs
 * {@link CycleWork#exercise}, which uses every part of the library that starts a thread or opens a pool.
 */
@WebServlet("/exercise")
public class CycleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CycleWork work;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String result = CycleWork.exercise(work);
            response.setContentType("text/plain");
            response.getWriter().write(result);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
