#pragma once
// A linked GL program from vertex and fragment sources; compile and link errors throw with the log.
#include <string>
#include <unordered_map>

#include "core/geo/color.hpp"
#include "render/gl_handle.hpp"

namespace storyplot {

class ShaderProgram {
public:
    ShaderProgram(const char* name, const char* vertex_source, const char* fragment_source);

    void use() const { glUseProgram(m_program.get()); }
    void set(const char* uniform, float v);
    void set(const char* uniform, float x, float y);
    void set(const char* uniform, Color c);
    void set(const char* uniform, float x, float y, float z);
    void set(const char* uniform, float x, float y, float z, float w);
    void set_int(const char* uniform, int v);

private:
    GLint location(const char* uniform);

    std::string m_name;
    gl::ProgramHandle m_program;
    std::unordered_map<std::string, GLint> m_locations;
};

}  // namespace storyplot
