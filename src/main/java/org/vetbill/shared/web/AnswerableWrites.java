package org.vetbill.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Refuses a write whose answer the client would not accept ({@code Accept:
 * application/xml} on a JSON API) with 406 before the handler runs. Spring MVC chooses
 * the answer's format only once the handler has returned, so the same 406 used to come
 * after the change was committed: the client was told it failed while it had happened.
 * Reads keep Spring's own negotiation.
 */
@Configuration(proxyBeanMethods = false)
class AnswerableWrites implements WebMvcConfigurer {

	private final ObjectProvider<ContentNegotiationManager> negotiation;

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	AnswerableWrites(ObjectProvider<ContentNegotiationManager> negotiation,
			ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.negotiation = negotiation;
		this.adapter = adapter;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws HttpMediaTypeNotAcceptableException {
				check(request, handler);
				return true;
			}

		});
	}

	void check(HttpServletRequest request, Object handler) throws HttpMediaTypeNotAcceptableException {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
				|| request.getHeader("Accept") == null || !(handler instanceof HandlerMethod handlerMethod)) {
			return;
		}
		Class<?> body = answerType(handlerMethod);
		if (body == null) {
			return;
		}
		List<MediaType> producible = new ArrayList<>();
		for (HttpMessageConverter<?> converter : this.adapter.getObject().getMessageConverters()) {
			if (converter.canWrite(body, null)) {
				producible.addAll(converter.getSupportedMediaTypes(body));
			}
		}
		if (producible.isEmpty()) {
			return;
		}
		List<MediaType> accepted = this.negotiation.getObject().resolveMediaTypes(new ServletWebRequest(request));
		for (MediaType acceptedType : accepted) {
			for (MediaType producibleType : producible) {
				if (acceptedType.isCompatibleWith(producibleType)) {
					return;
				}
			}
		}
		throw new HttpMediaTypeNotAcceptableException(producible);
	}

	/**
	 * The type of the body a handler answers with through a message converter, or null
	 * when it answers otherwise (a view, nothing, the response written by hand).
	 */
	private static @Nullable Class<?> answerType(HandlerMethod handler) {
		Method method = handler.getMethod();
		Class<?> returned = method.getReturnType();
		if (HttpEntity.class.isAssignableFrom(returned)) {
			return ResolvableType.forMethodReturnType(method).as(HttpEntity.class).getGeneric(0).resolve(Object.class);
		}
		boolean responseBody = AnnotatedElementUtils.hasAnnotation(method, ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
		return (!responseBody || returned == void.class || returned == Void.class) ? null : returned;
	}

}
