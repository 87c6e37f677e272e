#include "render/shader_program.hpp"

#include <stdexcept>
#include <vector>

namespace storyplot {

namespace {

std::string shader_log(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    return log.data();
}

GLuint compile(const std::string& name, GLenum type, const char* source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = shader_log(shader);
        glDeleteShader(shader);
        throw std::runtime_error("shader " + name + " does not compile: " + log);
    }
    return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const char* name, const char* vertex_source, const char* fragment_source) : m_name(name) {
    const GLuint vs = compile(m_name + " (vertex)", GL_VERTEX_SHADER, vertex_source);
    const GLuint fs = compile(m_name + " (fragment)", GL_FRAGMENT_SHADER, fragment_source);
    m_program = gl::ProgramHandle(glCreateProgram());
    glAttachShader(m_program.get(), vs);
    glAttachShader(m_program.get(), fs);
    glLinkProgram(m_program.get());
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(m_program.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        std::vector<char> log(1024);
        glGetProgramInfoLog(m_program.get(), static_cast<GLsizei>(log.size()), nullptr, log.data());
        throw std::runtime_error("shader program " + m_name + " does not link: " + log.data());
    }
}

GLint ShaderProgram::location(const char* uniform) {
    auto it = m_locations.find(uniform);
    if (it == m_locations.end()) it = m_locations.emplace(uniform, glGetUniformLocation(m_program.get(), uniform)).first;
    return it->second;
}

void ShaderProgram::set(const char* uniform, float v) { glUniform1f(location(uniform), v); }
void ShaderProgram::set(const char* uniform, float x, float y) { glUniform2f(location(uniform), x, y); }
void ShaderProgram::set(const char* uniform, float x, float y, float z) { glUniform3f(location(uniform), x, y, z); }
void ShaderProgram::set(const char* uniform, float x, float y, float z, float w) { glUniform4f(location(uniform), x, y, z, w); }
void ShaderProgram::set_int(const char* uniform, int v) { glUniform1i(location(uniform), v); }

void ShaderProgram::set(const char* uniform, Color c) { glUniform4f(location(uniform), c.r, c.g, c.b, c.a); }

}  // namespace storyplot
